"""Many reports in one run: which files, parallel workers, progress and the closing summary."""

from lkjip_gen.batch.inputs import collect, is_batch, output_folders
from lkjip_gen.batch.run import Job, Options, Result, build_many

__all__ = ["Job", "Options", "Result", "build_many", "collect", "is_batch", "output_folders"]
