"""Every explore and utility command, in every format, through the real CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Run, Spawn, leaves
from mlpath.plan import resume

EXPLORE = [
    "about",
    "salary",
    "ladder",
    "skills",
    "specialties",
    "aspects",
    "education",
    "resources",
    "internships",
    "industries",
    "companies",
    "outlook",
    "work-life",
    "sources",
]
ANSI = re.compile(r"\x1b\[")
BOX = re.compile(r"[─│┃█░╭╮╰╯┏┓]")


@pytest.mark.parametrize("command", EXPLORE)
def test_json_is_one_document_with_snake_case_keys(run: Run, command: str) -> None:
    result = run(command, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict) and document

    def keys(node: object) -> list[str]:
        if isinstance(node, dict):
            # tool groups under skills are data-named, and snake_case too
            return [*node, *(k for v in node.values() for k in keys(v))]
        if isinstance(node, list):
            return [k for v in node for k in keys(v)]
        return []

    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", key) for key in keys(document))
    assert result.stderr == ""


@pytest.mark.parametrize("command", EXPLORE)
def test_yaml_matches_json(run: Run, command: str) -> None:
    as_yaml = yaml.safe_load(run(command, "--format", "yaml").stdout)
    assert as_yaml == json.loads(run(command, "--json").stdout)


@pytest.mark.parametrize("command", EXPLORE)
def test_piped_output_defaults_to_plain_tab_separated(run: Run, command: str) -> None:
    result = run(command)
    assert result.exit_code == 0
    assert result.stdout == run(command, "--format", "plain").stdout
    lines = result.stdout.splitlines()
    assert lines and all(line.strip() for line in lines)
    assert not ANSI.search(result.stdout) and not BOX.search(result.stdout)
    assert any("\t" in line for line in lines)


@pytest.mark.parametrize("command", EXPLORE)
def test_markdown_is_a_document(run: Run, command: str) -> None:
    result = run(command, "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")
    assert not ANSI.search(result.stdout)


@pytest.mark.parametrize("command", EXPLORE)
def test_table_format_renders(run: Run, command: str) -> None:
    result = run(command, "--format", "table")
    assert result.exit_code == 0
    assert result.stdout.strip()


def test_ladder_plain_is_one_level_per_line_in_order(run: Run) -> None:
    lines = run("ladder").stdout.splitlines()
    assert [line.split("\t")[:3] for line in lines[:6]] == [
        ["level", "1", "junior"],
        ["level", "2", "engineer"],
        ["level", "3", "senior"],
        ["level", "4", "lead"],
        ["level", "5", "manager"],
        ["level", "6", "director"],
    ]
    assert lines[5].split("\t")[3] == "Director of Machine Learning/AI"
    assert "duty\tsenior\tMentor junior engineers." in lines


@pytest.mark.parametrize("level", ["senior", "3", "sen", "SENIOR"])
def test_ladder_level_by_slug_number_or_prefix(run: Run, level: str) -> None:
    document = json.loads(run("ladder", level, "--json").stdout)
    assert document["level"]["id"] == "senior"
    assert document["level"]["number"] == 3
    assert document["previous"] == "engineer" and document["next"] == "lead"
    assert "Mentor junior engineers." in document["level"]["duties"]


def test_ladder_unknown_level_lists_the_choices(run: Run) -> None:
    result = run("ladder", "senoir")
    assert result.exit_code == 2
    assert "unknown level 'senoir' (did you mean 'senior'?)" in result.stderr
    assert "1 junior, 2 engineer, 3 senior, 4 lead, 5 manager, 6 director" in result.stderr
    assert result.stdout == ""


def test_ladder_ambiguous_prefix(run: Run) -> None:
    result = run("ladder", "7")
    assert result.exit_code == 2 and "unknown level '7'" in result.stderr


def test_ladder_walk_without_a_terminal_says_what_to_use(run: Run) -> None:
    result = run("ladder", "--walk")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr and "mlpath ladder LEVEL" in result.stderr


@pytest.mark.slow
def test_ladder_walk_with_stdout_redirected_refuses_and_writes_nothing(tmp_path: Path, pty: Spawn) -> None:
    """On a terminal but with stdout in a file, the prompts would land in the file: a real
    pseudo-terminal, `mlpath ladder --walk > out.txt` typed at it."""
    out = tmp_path / "out.txt"
    term = pty("ladder", "--walk", stdout=out)
    assert term.exit_code() == 2
    assert "ladder --walk needs a terminal" in term.text
    assert out.read_text() == ""


def test_salary_compare_puts_your_pay_beside_each_tier(run: Run) -> None:
    document = json.loads(run("salary", "--compare", "75000", "--json").stdout)
    assert document["your_pay"] == 75000
    compared = {t["id"]: t["compared_with_yours"] for t in document["tiers"]}
    assert compared["entry"]["difference"] == 43000 and compared["entry"]["percent"] == 57.3
    assert compared["senior"]["difference"] == 133000 and compared["senior"]["percent"] == 177.3
    plain = run("salary", "--compare", "$250k").stdout.splitlines()
    senior = plain[2].split("\t")
    assert senior[:4] == ["tier", "senior", "Senior", "208000"]
    assert senior[7:9] == ["-42000", "-16.8"]
    assert "your_pay\t250000" in plain


@pytest.mark.parametrize("amount", ["abc", "-5", "0", "12e4"])
def test_salary_compare_rejects_non_amounts(run: Run, amount: str) -> None:
    result = run("salary", "--compare", amount)
    assert result.exit_code == 2
    assert "--compare" in result.stderr and "75000" in result.stderr


def test_education_estimate_follows_residency_and_masters(run: Run) -> None:
    default = json.loads(run("education", "--json").stdout)["estimate"]
    assert (default["tuition_min"], default["tuition_max"]) == (40648, 40648)
    assert default["tuition_formula"] == "4 × $10,162 = $40,648"
    out = json.loads(run("education", "--residency", "out-of-state", "--masters", "--json").stdout)["estimate"]
    assert [p["tuition_max"] for p in out["parts"]] == [134508, 51356]
    assert (out["tuition_min"], out["tuition_max"]) == (160186, 185864)
    assert out["tuition_formula"] == "$134,508 + $25,678 = $160,186 to $134,508 + $51,356 = $185,864"
    assert out["residency"] == "out-of-state"
    assert any("per year" in a for a in out["assumptions"])


def test_education_bad_residency_lists_the_allowed_values(run: Run) -> None:
    result = run("education", "--residency", "abroad")
    assert result.exit_code == 2
    assert "in-state" in result.stderr and "out-of-state" in result.stderr


def test_json_and_a_different_format_conflict(run: Run) -> None:
    result = run("salary", "--json", "--format", "plain")
    assert result.exit_code == 2
    assert "--json and --format plain disagree" in result.stderr


def test_unknown_format_is_a_usage_error(run: Run) -> None:
    result = run("salary", "--format", "xml")
    assert result.exit_code == 2
    assert "table" in result.stderr and "markdown" in result.stderr


@pytest.mark.parametrize(("typed", "meant"), [("salry", "salary"), ("lader", "ladder"), ("shcema", "schema")])
def test_unknown_command_suggests_the_nearest(run: Run, typed: str, meant: str) -> None:
    result = run(typed)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"Error: No such command '{typed}'. Did you mean '{meant}'?" in result.stderr


@pytest.mark.slow
def test_a_typo_is_suggested_by_the_entry_point_that_loads_one_command_per_run(tmp_path: Path) -> None:
    """A real run imports only the command it names; a typo names none, and every command is
    a candidate (in-process, the test process has every command built already)."""
    env = {"PATH": os.environ.get("PATH", os.defpath), "MLPATH_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "mlpath", "shcema"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "Error: No such command 'shcema'. Did you mean 'schema'?" in result.stderr


def test_search_finds_a_tool_and_names_the_command(run: Run) -> None:
    document = json.loads(run("search", "pytorch", "--json").stdout)
    assert document["count"] >= 1
    assert document["results"][0] == {
        "section": "skills",
        "item": "deep-learning",
        "text": "PyTorch",
        "command": "mlpath skills",
        "title": "Deep learning",  # the item in words, last
    }
    plain = run("search", "pytorch").stdout.splitlines()
    assert "result\tskills\tdeep-learning\tPyTorch\tmlpath skills\tDeep learning" in plain


def test_search_shows_a_block_per_hit_with_its_place_in_words(run: Run) -> None:
    table = run("search", "fraud detection", "--format", "table").stdout
    assert table == (
        "Search: fraud detection\n\n2 passages found\n"
        "Industries › Finance and banking\n  fraud detection\n  mlpath industries\n\n"
        "Companies › Insurance\n  fraud detection\n  mlpath companies\n"
    )
    markdown = run("search", "fraud detection", "--format", "markdown").stdout
    assert "**Industries › Finance and banking** (`mlpath industries`)  \n**fraud** **detection**\n" in markdown
    assert "**Companies › Insurance** (`mlpath companies`)  \n**fraud** **detection**\n" in markdown


def test_a_one_letter_search_word_finds_only_itself_as_a_word(run: Run) -> None:
    texts = [r["text"] for r in json.loads(run("search", "e", "--json").stdout)["results"]]
    assert texts and all(re.search(r"(?<![^\W_])e(?![^\W_])", text, re.IGNORECASE) for text in texts)  # e-commerce
    assert "e-commerce" in texts
    result = run("search", "x")
    assert (result.exit_code, result.stdout) == (0, "query\tx\ncount\t0\n")
    assert (
        result.stderr == "No match for 'x'; try fewer or shorter words (a single letter finds only itself, as a word)\n"
    )
    longer = run("search", "zzqq")
    assert longer.stderr == "No match for 'zzqq'; try fewer or shorter words\n"


def test_search_with_no_match_suggests_near_terms(run: Run) -> None:
    result = run("search", "pytorh")
    assert result.exit_code == 0
    assert result.stdout == "query\tpytorh\ncount\t0\nsuggestion\tpytorch\n"
    assert "No match for 'pytorh'; did you mean: pytorch?" in result.stderr


def test_search_points_the_guides_own_answer_to_about(run: Run) -> None:
    document = json.loads(run("search", "intellectual growth", "--json").stdout)
    assert [(r["section"], r["command"]) for r in document["results"]] == [("about", "mlpath about")]


def test_every_search_result_is_shown_by_the_command_it_names(run: Run) -> None:
    results = json.loads(run("search", "the", "--json").stdout)["results"]  # a word found almost everywhere
    by_command: dict[str, set[str]] = {}
    for result in results:
        by_command.setdefault(result["command"], set()).add(" ".join(result["text"].split()))
    assert {"mlpath about", "mlpath roadmap", "mlpath quiz --questions", "mlpath sources"} <= set(by_command)
    assert all(result["title"] for result in results)
    for command, texts in by_command.items():
        shown = run(*command.split()[1:], "--json")
        assert shown.exit_code == 0, command
        assert texts <= set(leaves(json.loads(shown.stdout))), command


def test_search_never_shows_rule_internals(run: Run) -> None:
    document = json.loads(run("search", "{", "--json").stdout)
    assert document["count"] == 0  # text templates such as "{skill}: {tools}" are not what anyone sees


def test_search_every_word_must_match(run: Run) -> None:
    document = json.loads(run("search", "fraud detection", "--json").stdout)
    sections = {r["section"] for r in document["results"]}
    assert sections == {"industries", "companies"}


FIRST = ("roadmap", "progress", "salary", "ladder", "about", "search")  # the commands people start with


def test_home_screen_points_to_the_quiz_and_groups_commands(run: Run) -> None:
    result = run()
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2] == "start\tmlpath quiz"
    assert [line.split("\t")[1] for line in lines if line.startswith("first\t")] == list(FIRST)
    assert "first\troadmap\tYour roadmap, each step with its status." in lines
    assert "command\texplore\tsalary\t" in result.stdout
    assert "command\tutility\tsearch\t" in result.stdout


def test_home_screen_starts_where_you_are(run: Run) -> None:
    def start() -> list[str]:
        return [line for line in run().stdout.splitlines() if line.startswith("start")]

    assert start() == ["start\tmlpath quiz", "start_why\tA few questions, an honest verdict and your own roadmap."]
    run("quiz", "--defaults", "--save")
    said = "Your plan is saved: see your next step and mark what you have done."
    assert start() == ["start\tmlpath progress", f"start_why\t{said}"]
    resume.keep({}, {"education": "none"})
    said = "Your last quiz was interrupted: go on where you stopped."
    assert start() == ["start\tmlpath quiz --resume", f"start_why\t{said}"]


def test_home_screen_on_a_terminal_fits_80_by_24(monkeypatch: pytest.MonkeyPatch, run: Run) -> None:
    from mlpath.output.terminal import Terminal

    def terminal(cls: type[Terminal]) -> Terminal:
        return Terminal(True, True, True, stdout=sys.stdout, stderr=sys.stderr, width=80, height=24)

    monkeypatch.setattr(Terminal, "detect", classmethod(terminal))
    result = run(env={"NO_COLOR": "1"})
    assert result.exit_code == 0 and result.stderr == ""
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert len(lines) <= 24 - 1 and all(len(line) <= 80 for line in lines)  # a row left for the prompt
    assert "Start with 'mlpath quiz'" in lines
    then = lines.index("Then")
    shown = [line.split()[:2] for line in lines[then + 1 :] if line.startswith("  mlpath ")]
    assert shown == [["mlpath", name] for name in FIRST]
    assert "  mlpath salary     Pay from entry to senior, with sources." in lines
    assert lines[-1] == "All commands: mlpath --help. One command in full: mlpath COMMAND --help."


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"mlpath \d+\.\d+\.\d+.*\n", result.stdout)


@pytest.mark.parametrize("command", [*EXPLORE, "search", "data", "data check", "data path"])
def test_every_command_has_help_with_text(run: Run, command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    body = result.stdout.split("\n\n")[1].strip()
    assert len(body) > 15


def block_words(command: str) -> set[str]:
    """Every word the table format is given to draw for a command (its report's display blocks)."""
    from mlpath.content.load import load_content, packaged_data_dir
    from mlpath.output import views
    from mlpath.output.blocks import Bars, Notes, Paragraph, Steps, Table

    view = getattr(views, command)
    texts: list[str] = []
    for block in view(load_content(packaged_data_dir())).blocks:
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts.extend(cell for row in block.rows for cell in row)
        elif isinstance(block, Notes):
            texts.extend(block.items)
        elif isinstance(block, Steps):
            texts.extend(text for step in block.steps for text in (step.title, step.summary, *step.details))
        elif isinstance(block, Bars):
            texts.extend(bar.label for bar in block.bars)
    return {word for text in texts for word in text.split()}


@pytest.mark.parametrize("width", ["40", "80"])
@pytest.mark.parametrize(
    "command", ["about", "skills", "specialties", "resources", "internships", "industries", "companies", "sources"]
)
def test_table_words_wrap_but_are_never_cut(run: Run, command: str, width: str) -> None:
    table = run(command, "--format", "table", env={"COLUMNS": width}).stdout
    assert max(len(line.rstrip()) for line in table.splitlines()) <= int(width)
    shown = set(table.split())
    missing = [word for word in block_words(command) if word not in shown and len(word) <= int(width) - 2]
    assert not missing, f"cut at {width} columns: {missing}"


def table_headers(markdown: str) -> list[list[str]]:
    """The first row of every Markdown table: the line of cells above a |---| line."""
    lines = markdown.splitlines()
    return [
        [cell.strip() for cell in lines[index - 1].strip().strip("|").split(" | ")]
        for index, line in enumerate(lines)
        if index and re.fullmatch(r"\|(---\|)+", line)
    ]


@pytest.mark.parametrize("command", [*EXPLORE, "salary --compare 75000", "roadmap --defaults", "quiz --questions"])
def test_markdown_tables_name_every_column(run: Run, command: str) -> None:
    headers = table_headers(run(*command.split(), "--format", "markdown").stdout)
    assert all(all(headers) for headers in headers), headers


@pytest.mark.parametrize(
    ("flags", "hint"),
    [
        ((), "Try --residency out-of-state or --masters to see other estimates."),
        (("--masters",), "Try --residency out-of-state or the bachelor's alone (without --masters) to see"),
        (("--residency", "out-of-state"), "Try --residency in-state or --masters to see other estimates."),
        (
            ("--masters", "--residency", "out-of-state"),
            "Try --residency in-state or the bachelor's alone (without --masters) to see other estimates.",
        ),
    ],
)
def test_education_offers_only_the_estimates_not_shown(run: Run, flags: tuple[str, ...], hint: str) -> None:
    shown = " ".join(run("education", *flags, "--format", "markdown").stdout.split())
    assert hint in shown


# Every option or argument with a fixed set of values: the error names the value, the allowed
# ones and the nearest, in mlpath's words (not pydantic's "Value error, ...").
FIXED_VALUES = [
    (("about", "--format", "csv"), "'csv' is not one of 'table', 'plain', 'json', 'yaml', 'markdown'", ""),
    (("salary", "--format", "jsn"), "'jsn' is not one of 'table', 'plain', 'json', 'yaml', 'markdown', 'csv'", "json"),
    (("roadmap", "-f", "markdwn"), "'markdwn' is not one of", "markdown"),
    (("education", "--residency", "out-state"), "'out-state' is not one of 'in-state', 'out-of-state'", "out-of-state"),
    (("progress", "set", "1", "skiped"), "'skiped' is not one of 'pending', 'learning', 'done', 'skipped'", "skipped"),
    (("progress", "set", "1", "don"), "'don' is not one of", "done"),
]


@pytest.mark.parametrize(
    ("argv", "message", "near"), FIXED_VALUES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None
)
def test_a_value_outside_a_fixed_set_is_named_with_the_nearest(
    run: Run, argv: tuple[str, ...], message: str, near: str
) -> None:
    result = run(*argv)
    assert result.exit_code == 2
    assert "Value error" not in result.stderr and message in result.stderr
    assert (f"(did you mean {near!r}?)" in result.stderr) is bool(near)


@pytest.mark.parametrize(
    ("command", "header"),
    [
        ("specialties", "| specialty | in short |"),
        ("resources", "| resource | what you find there | web address (added by mlpath) |"),
        ("internships", "| kind | what it offers | examples |"),
        ("industries", "| industry | in short | example applications |"),
        ("companies", "| kind of company | examples | what they use it for | aim |"),
    ],
)
def test_human_tables_name_items_in_words_not_ids(run: Run, command: str, header: str) -> None:
    markdown = run(command, "--format", "markdown").stdout
    assert header in markdown.splitlines()
    table = run(command, "--format", "table", env={"COLUMNS": "200"}).stdout
    heads = [line.split() for line in table.splitlines() if line.strip().startswith(header.split(" | ")[0][2:])]
    assert heads and all("id" not in head for head in heads)
    plain = run(command).stdout  # plain keeps the ids
    document = json.loads(run(command, "--json").stdout)
    items = next(value for value in document.values() if isinstance(value, list) and value and "id" in value[0])
    assert all(f"\t{item['id']}\t" in plain for item in items)


def test_aspects_are_listed_in_words_without_ids(run: Run) -> None:
    table = run("aspects", "--format", "table", env={"COLUMNS": "200"}).stdout
    assert "  • You solve hard problems with new machine learning ideas." in table and "hard-problems" not in table
    assert "best\thard-problems\tYou solve hard problems with new machine learning ideas." in run("aspects").stdout


def test_sources_word_each_figure_with_its_unit_for_people_and_keep_keys_for_scripts(run: Run) -> None:
    for fmt in ("table", "markdown"):
        shown = " ".join(run("sources", "--format", fmt, "--no-pager").stdout.split())
        assert "Salary › tiers › entry" in shown and "$118,000 a year" in shown and "40%" in shown
        assert "salary.tiers" not in shown and "growth_percent" not in shown
    plain = run("sources", "--format", "plain").stdout
    assert "salary.tiers.entry.amount\t118000" in plain


def test_the_questions_mark_each_default_among_the_choices(run: Run) -> None:
    shown = run("quiz", "--questions", "--format", "markdown").stdout
    assert "   - No degree yet — the default\n" in shown and "Default:" not in shown
    assert "**Which specialties interest you? (pick any number; none by default)**" in shown
