"""The course's data files: the running case, the real missions, references, agendas and templates."""
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
