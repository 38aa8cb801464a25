"""Load time and memory of each language's lexicon, each in a fresh process.

For every language folder: the seconds `load_lexicon(code)` takes to read the
data and compile the matcher (CLDR names, generated case and clitic forms
included), and the resident memory it adds. Run:

    python benchmarks/lexicon_load.py [code ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

from marsad.lang import available_languages

_PROBE = """
import json, resource, time
import marsad.pipeline  # the code every extraction imports, before the lexicon
from marsad.lexicon import load_lexicon

def rss_kib():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() // 1024

before = rss_kib()
start = time.perf_counter()
lex = load_lexicon({code!r})
lex.movement_at("x")  # compiles the matcher and the probe
seconds = time.perf_counter() - start
entries = sum(map(len, lex.keys.values())) + sum(map(len, lex.prefixed.values()))
print(json.dumps({{"seconds": seconds, "mib": (rss_kib() - before) / 1024, "entries": entries}}))
"""


def measure(code: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _PROBE.format(code=code)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("codes", nargs="*", help="language codes (default: every folder)")
    args = ap.parse_args()
    print("language\tload s\tmemory MiB\tentries")
    for code in args.codes or available_languages():
        m = measure(code)
        print(f"{code}\t{m['seconds']:.3f}\t{m['mib']:.1f}\t{m['entries']}")


if __name__ == "__main__":
    main()
