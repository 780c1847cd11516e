import sys

from openness_lint.cli import main

sys.exit(main())
