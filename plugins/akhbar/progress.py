"""Progress of a long build, on Pelican's rich console: seeds imported, pages
rendered, records indexed. Shown only on a terminal, and gone when the build
ends (the summary stays); a log file or CI output gets no progress lines.

Plugins call `PROGRESS.start(task, total)`, `PROGRESS.advance(task)` and
`PROGRESS.finish(task)`; without a terminal these cost nothing.
"""

from pelican.log import console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)


class BuildProgress:
    def __init__(self):
        self.bars: Progress | None = None
        self.tasks = {}  # name -> (rich task id, total)

    def start(self, task: str, total: int) -> None:
        if not console.is_terminal or total < 1:
            return
        if self.bars is None:
            self.bars = Progress(TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=console, transient=True)
            self.bars.start()
        self.tasks[task] = (self.bars.add_task(task, total=total), total)

    def advance(self, task: str, amount: int = 1) -> None:
        if task in self.tasks:
            self.bars.advance(self.tasks[task][0], amount)

    def finish(self, task: str) -> None:
        if task in self.tasks:
            task_id, total = self.tasks.pop(task)
            self.bars.update(task_id, completed=total)

    def close(self) -> None:
        if self.bars is not None:
            self.bars.stop()
        self.bars, self.tasks = None, {}


PROGRESS = BuildProgress()
