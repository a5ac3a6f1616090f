"""A named constant for every registered enhanced status code, in each class its defining
text says it suits (the Rust crate's ``EnhancedCode`` constants).

>>> from smtp_codes.enhanced_codes import PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS
>>> str(PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS)
'5.1.1'
"""

from ._tables.enhanced_codes import *  # noqa: F403
from ._tables.enhanced_codes import __all__ as __all__
