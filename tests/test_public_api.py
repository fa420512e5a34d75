from __future__ import annotations

import types

import quotemine
import quotemine.pipeline
import quotemine.schema


def test_all_is_sorted_and_complete() -> None:
    # ruff (RUF022) keeps __all__ sorted; here: no duplicates, and every name exists.
    assert len(set(quotemine.__all__)) == len(quotemine.__all__)
    for name in quotemine.__all__:
        assert hasattr(quotemine, name), name
    public = {
        name
        for name, value in vars(quotemine).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType) and name != "annotations"
    }
    assert public <= set(quotemine.__all__)


def test_errors_share_one_base() -> None:
    for name in ("InputError", "ModelNotFoundError", "PipelineError", "SchemaVersionError"):
        assert issubclass(getattr(quotemine, name), quotemine.QuotemineError)
    assert issubclass(quotemine.InputError, ValueError)
    assert issubclass(quotemine.ModelNotFoundError, OSError)


def test_component_classes_are_importable_from_pipeline() -> None:
    for name in quotemine.pipeline.__all__:
        cls = getattr(quotemine.pipeline, name)
        assert callable(cls)
        assert cls.__doc__


def test_schema_models_are_exported() -> None:
    for name in quotemine.schema.__all__:
        assert hasattr(quotemine.schema, name)
