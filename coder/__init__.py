"""An Arabic political event coder: Arabic news text in, CAMEO events out, driven by YAML rules.

The public API is small:

    from coder import load_ruleset, Coder
    coder = Coder(load_ruleset())          # the shipped rules, or load_ruleset([paths])
    for event in coder.code_text("اعتقلت الشرطة خمسة مطلوبين"):
        print(event.code, event.trigger)
"""

from .pipeline import Coder
from .ruleset import RuleSet, load_ruleset

__all__ = ["Coder", "RuleSet", "load_ruleset", "__version__"]
__version__ = "0.1.0"
