"""The Arabic text layer: normalisation, segmentation and morphology.

Everything here works on plain strings and knows nothing of rules, files or the CLI.
"""
