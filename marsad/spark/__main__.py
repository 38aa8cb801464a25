"""python -m marsad.spark MANIFEST --output DIR: the Spark job."""

import sys

from marsad.spark.job import main

sys.exit(main())
