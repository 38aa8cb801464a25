"""marsad on Apache Spark: the same ingest, extraction and flows over many files.

`tables` holds the output's columns and the row builders (plain Python, no
Spark); `job` is the Spark job (`marsad spark`, or `spark-submit` of its file);
`load` brings a job's output into the store (`marsad import`, no Spark needed).
Nothing here reads or extracts: every source goes through
`marsad.ingest.source.source_documents`, flows through `marsad.flows`.
"""
