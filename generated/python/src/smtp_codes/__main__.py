"""``python -m smtp_codes``: the ``smtp-explain`` command."""

import sys

from .explain import main

sys.exit(main())
