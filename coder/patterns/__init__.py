"""The pattern language: a lark grammar (grammar.lark) and its parse trees turned into plain nodes."""
