import sys
from pathlib import Path

# relevance_eval.py is shared by the tests and scripts/bench_search.py.
sys.path.insert(0, str(Path(__file__).parent))
