"""`python -m pipeline` is the `akn-pipeline` command."""
import sys

from .cli import main

sys.exit(main())
