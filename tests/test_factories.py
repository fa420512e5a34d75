from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quotemine.api import QUOTEMINE_PIPES, Extractor


def test_entry_points_register_factories_without_importing_quotemine() -> None:
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        f"for name in {QUOTEMINE_PIPES!r}:\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('“We will win,” he said.')\n"
        "print(nlp.pipe_names, type(doc._.qm_quotes).__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "quotemine_money" in result.stdout


def test_pipeline_with_quotemine_survives_to_disk_and_back(extractor: Extractor, tmp_path: Path) -> None:
    import spacy

    path = tmp_path / "pipeline"
    extractor.nlp.to_disk(path)
    reloaded = spacy.load(path)
    assert reloaded.pipe_names == extractor.nlp.pipe_names
    text = "“Prices will fall,” said Anna Berg, the finance minister, on Monday."
    a = extractor.extract(text, published="2020-01-08")
    b = Extractor(reloaded).extract(text, published="2020-01-08")
    assert a.model_dump(exclude={"model"}) == b.model_dump(exclude={"model"})


@pytest.mark.parametrize("name", QUOTEMINE_PIPES)
def test_each_component_declares_what_it_assigns(name: str) -> None:
    from spacy.language import Language

    meta = Language.get_factory_meta(name)
    assert meta.assigns, name


_CLASSES = {
    "quotemine_entities": "EntityRepairer",
    "quotemine_roles": "RoleTagger",
    "quotemine_quotes": "QuoteFinder",
    "quotemine_attribution": "Attributor",
    "quotemine_dates": "DateResolver",
    "quotemine_money": "MoneyParser",
}


@pytest.mark.parametrize("name", QUOTEMINE_PIPES)
def test_every_constructor_option_is_in_the_factory_config(name: str) -> None:
    import inspect

    from spacy.language import Language

    import quotemine.pipeline

    cls = getattr(quotemine.pipeline, _CLASSES[name])
    options = {
        p.name for p in inspect.signature(cls.__init__).parameters.values() if p.kind is p.KEYWORD_ONLY
    }
    assert options == set(Language.get_factory_meta(name).default_config)


@pytest.mark.parametrize("name", QUOTEMINE_PIPES)
def test_add_pipe_takes_every_option_of_every_component(name: str) -> None:
    import spacy
    from spacy.language import Language

    config = dict(Language.get_factory_meta(name).default_config)
    nlp = spacy.blank("en")
    nlp.add_pipe(name, config=config)
    assert nlp.pipe_names == [name]
    assert set(config) <= set(nlp.config["components"][name])
