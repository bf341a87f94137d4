"""Docstrings on every public name, shown by help()."""

import inspect
import pydoc

import nhanluc


def public_members(obj):
    for name, value in vars(obj).items():
        if name.startswith("_"):
            continue
        yield name, value


def test_every_public_name_has_a_docstring():
    assert nhanluc.__doc__
    missing = []
    for name in nhanluc.__all__:
        obj = getattr(nhanluc, name)
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for member, value in public_members(obj):
                if isinstance(value, (classmethod, staticmethod)):
                    value = value.__func__
                if callable(value) or isinstance(value, property):
                    if not inspect.getdoc(value):
                        missing.append("%s.%s" % (name, member))
    assert missing == []


def test_help_of_policy_shows_the_methods():
    text = pydoc.render_doc(nhanluc.Policy, renderer=pydoc.plaintext)
    for method in ("default", "load", "parse", "copy", "set", "end", "get", "get_value",
                   "parameters", "parameter", "workplaces", "attraction_subsidy",
                   "expert_salary_cap", "training_support"):
        assert method + "(" in text
    assert "Thread safety" in text
    assert "dedicated_post" in text
