"""The ``recconv`` command: read inputs, convert, write one output, report every problem."""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter
from collections.abc import Iterator
from enum import IntEnum

import click

from recconv.formats.convert import Tally, choose_reader, with_keys, write
from recconv.formats.diagnostics import Diagnostic, Severity, error
from recconv.formats.record import Record
from recconv.formats.registry import (
    DETECT_CHARS,
    OUTPUT_FORMATS,
    Options,
    Reader,
    Registry,
    Writer,
)
from recconv.formats.source import open_input

from .output import Output

REGISTRY = Registry.default()
DEFAULT_OUTPUT = "bibtex"


class ExitCode(IntEnum):
    OK = 0  # every record of every input converted
    PARTIAL = 1  # some records or inputs could not be converted (or --strict saw a problem)
    USAGE = 2  # the command line itself was wrong


class Reporter:
    """Writes diagnostics to stderr in compiler form, keeps the tally and, for ``--report``,
    counts where the output carried what its format has no standard slot for."""

    def __init__(self, quiet: bool, verbose: bool, report: bool = False) -> None:
        self.quiet, self.verbose, self.report = quiet, verbose, report
        self.tally = Tally()
        self.carried: Counter[str] = Counter()

    def problem(self, diagnostic: Diagnostic) -> None:
        if diagnostic.severity is Severity.INFO:
            self.info(str(diagnostic))
            return
        if diagnostic.severity is Severity.NOTE:
            self.carried[diagnostic.message] += 1
            return
        self.tally.count(diagnostic)
        if self.report and diagnostic.severity is Severity.WARNING:
            self.carried[f"{diagnostic.message} (not carried)"] += 1
        if diagnostic.is_error or not self.quiet:
            click.echo(f"recconv: {diagnostic}", err=True)

    def summary(self, writer: Writer) -> None:
        """With ``--report``: per field, where the output put it, and for how many records."""
        if not self.report:
            return
        if not self.carried:
            click.echo(f"recconv: report: every field went into a standard {writer.name} slot",
                       err=True)
        for what, count in sorted(self.carried.items()):
            click.echo(f"recconv: report: {writer.name}: {what}: {count} record(s)", err=True)

    def info(self, message: str) -> None:
        if self.verbose and not self.quiet:
            click.echo(f"recconv: {message}", err=True)


def _check_reader(ctx: click.Context, param: click.Parameter, value: str) -> Reader | None:
    if value == "auto":
        return None
    try:
        return REGISTRY.reader(value)
    except KeyError as exc:
        raise click.BadParameter(f"{exc.args[0]}, or auto") from None


def _check_writer(ctx: click.Context, param: click.Parameter, value: str | None) -> Writer | None:
    if value is None:
        return None
    try:
        return REGISTRY.writer(value)
    except KeyError as exc:
        raise click.BadParameter(exc.args[0]) from None


def _list_formats(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo("Input formats (--from):")
    for reader in REGISTRY.readers:
        aliases = f" (also: {', '.join(reader.aliases)})" if reader.aliases else ""
        click.echo(f"  {reader.name:<12} {reader.description}{aliases}")
    click.echo("Output formats (--to):")
    for writer in REGISTRY.writers:
        aliases = f" (also: {', '.join(writer.aliases)})" if writer.aliases else ""
        click.echo(f"  {writer.name:<12} {writer.description}{aliases}")
    ctx.exit(0)


def _list_styles(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from recconv.formats.writers.text import style_names

    click.echo("\n".join(style_names()))
    ctx.exit(0)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-f", "--from", "reader", default="auto", callback=_check_reader,
              metavar="FORMAT", help="Input format, or auto (default) to detect it from content.")
@click.option("-t", "--to", "writer", callback=_check_writer, metavar="FORMAT",
              help="Output format (default: from the -o suffix, else bibtex).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write to FILE (replaced only when the run succeeds) instead of stdout.")
@click.option("--style", default="apa", show_default=True,
              help="CSL style name or .csl file, for --to text.")
@click.option("--locale", default="", help="Locale for --to text (e.g. en-GB, zh-CN, de-DE).")
@click.option("--format", "output_format", default="text", show_default=True,
              type=click.Choice(OUTPUT_FORMATS),
              help="Markup of formatted references, for --to text.")
@click.option("--citations", is_flag=True,
              help="With --to text: print each reference's in-text citation before it.")
@click.option("--encoding", default="", metavar="NAME",
              help="Input encoding (default: from a BOM, else UTF-8).")
@click.option("--related", is_flag=True, help="Also write the related records a page lists.")
@click.option("--strict", is_flag=True, help="Any problem, even a warning, fails the run.")
@click.option("--report", is_flag=True,
              help="Say, per field, where the output format carried what it has no slot for.")
@click.option("-q", "--quiet", is_flag=True, help="Report errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Also say which format each input is read as.")
@click.option("--list-formats", is_flag=True, expose_value=False, is_eager=True,
              callback=_list_formats, help="List input and output formats and exit.")
@click.option("--list-styles", is_flag=True, expose_value=False, is_eager=True,
              callback=_list_styles, help="List the CSL style names --style takes and exit.")
@click.version_option(package_name="recconv", message="%(prog)s %(version)s")
def recconv(inputs: tuple[str, ...], reader: Reader | None, writer: Writer | None,
            output: str | None, style: str, locale: str, output_format: str, citations: bool,
            encoding: str, related: bool, strict: bool, report: bool, quiet: bool,
            verbose: bool) -> None:
    """Convert bibliographic records to BibTeX, BibLaTeX, RIS, CSL-JSON/YAML or formatted text.

    \b
        recconv record-page.txt --to bibtex
        cat record-page.txt | recconv --to ris > out.ris
        recconv record-page.txt --to text --style apa
        recconv refs.bib --to text --style ieee --format html --citations

    INPUT files are read in turn (none, or -, reads stdin); their format is detected from
    their content unless --from names it. Data goes to stdout or -o FILE, every problem to
    stderr as FILE:LINE: message.

    \b
    Exit status: 0 all converted; 1 some records or inputs could not be converted (each is
    reported and the rest written), or --strict saw a problem; 2 usage error.
    """
    writer = writer or (REGISTRY.writer_for_path(output) if output else None) \
        or REGISTRY.writer(DEFAULT_OUTPUT)
    if writer.name != "text" and (output_format != "text" or citations):
        raise click.UsageError("--format and --citations apply to --to text only")
    options = Options(style=_resolve_style(style) if writer.name == "text" else style,
                      locale=locale, output_format=output_format, citations=citations)
    reporter = Reporter(quiet, verbose, report)
    sink = _open_output(output, hold=strict)
    try:
        _convert(inputs or ("-",), reader, writer, options, related, encoding, reporter, sink)
    except BaseException:
        sink.discard()
        raise
    tally = reporter.tally
    failed = tally.errors > 0 or (strict and tally.problems > 0)
    if (strict and failed) or (tally.records == 0 and tally.errors > 0):
        sink.discard()
        if output:
            reporter.info(f"{output} left unchanged")
    else:
        sink.commit()
    reporter.summary(writer)
    reporter.info(f"{tally.records} record(s) written as {writer.name}; "
                  f"{tally.errors} error(s), {tally.warnings} warning(s)")
    sys.exit(ExitCode.PARTIAL if failed else ExitCode.OK)


def _resolve_style(style: str) -> str:
    from recconv.formats.writers.text import resolve_style

    try:
        return resolve_style(style)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--style") from None


def _open_output(path: str | None, hold: bool) -> Output:
    try:
        return Output(path, hold=hold)
    except OSError as exc:
        raise click.BadParameter(f"cannot write there: {exc.strerror}",
                                 param_hint="--output") from None


def _convert(inputs: tuple[str, ...], reader: Reader | None, writer: Writer, options: Options,
             related: bool, encoding: str, reporter: Reporter, sink: Output) -> None:
    records = with_keys(_read_all(inputs, reader, encoding, reporter), related)
    for item in write(records, writer, options, reporter.tally):
        if isinstance(item, Diagnostic):
            reporter.problem(item)
        else:
            sink.write(item)


def _read_all(inputs: tuple[str, ...], wanted: Reader | None, encoding: str,
              reporter: Reporter) -> Iterator[Record | Diagnostic]:
    """Every record of every input, in order, with problems in line."""
    for path in inputs:
        name = "<stdin>" if path == "-" else path
        try:
            stream = sys.stdin.buffer if path == "-" else open(path, "rb")
        except OSError as exc:
            yield error(f"cannot open: {exc.strerror}", name)
            continue
        with stream:
            source = open_input(stream, name, encoding, head_chars=DETECT_CHARS)
            if source.encoding not in ("utf-8", "utf-8-sig"):
                reporter.info(f"{name}: decoded as {source.encoding}")
            reader = wanted
            if reader is None:
                choice = choose_reader(REGISTRY, source.head, name)
                if isinstance(choice, Diagnostic):
                    yield from source.failure or [choice]
                    continue
                reader = choice.reader
                reporter.info(f"{name}: {choice.reason}")
                if choice.ambiguity:
                    yield choice.ambiguity
            yield from reader.read(source.lines, name)
            yield from source.failure


def main() -> None:
    """Entry point: run the command, turning any internal failure into one line on stderr."""
    logging.basicConfig(level=logging.ERROR, format="recconv: %(message)s")
    try:
        recconv.main(prog_name="recconv", standalone_mode=True)
    except BrokenPipeError:
        # The reader of our stdout went away (`recconv ... | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except KeyboardInterrupt:
        click.echo("recconv: interrupted; no output file was changed", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in recconv: one line, not a traceback
        if os.environ.get("RECCONV_DEBUG"):
            raise
        click.echo(f"recconv: internal error: {type(exc).__name__}: {exc} "
                   "(set RECCONV_DEBUG=1 for details, and please report it)", err=True)
        sys.exit(ExitCode.PARTIAL)
