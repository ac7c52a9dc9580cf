import sys

from refnorm.cli import main

sys.exit(main())
