"""The hand-outs made in a second process are the ones a build makes in its own."""

from __future__ import annotations

import multiprocessing

import pytest
from core import REPO, settings_for
from guidepack import pipeline
from guidepack.pipeline import Handouts, build, make_handouts
from guidepack.render import RenderError


def test_the_second_process_makes_the_same_files_as_the_build(tmp_path):
    settings = settings_for(REPO)
    inline = build(settings).pages
    apart = build(settings, handouts=False).pages
    handed = dict(make_handouts(settings))
    assert handed, "no hand-outs"
    assert set(handed) == set(inline) - set(apart)
    assert {uri.rsplit(".", 1)[1] for uri in handed} == {"pdf", "pptx"}
    for uri, content in handed.items():
        assert content == inline[uri].content, uri  # byte for byte: both are reproducible

    Handouts(settings).write(tmp_path)
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == set(handed)


def test_a_failure_in_the_second_process_names_the_file(monkeypatch):
    def broken(settings):
        raise RenderError("guides/alpha/index.md", "ValueError: no")

    monkeypatch.setattr(pipeline, "make_handouts", broken)
    receiver, sender = multiprocessing.Pipe(duplex=False)
    pipeline._send_handouts(settings_for(REPO), sender)
    sent = receiver.recv()
    assert isinstance(sent, RenderError) and sent.source == "guides/alpha/index.md"


def test_a_render_error_survives_the_trip_between_processes():
    import pickle

    error = pickle.loads(pickle.dumps(RenderError("guides/a/01-x.md", "KeyError: 'x'")))
    assert (error.source, error.detail) == ("guides/a/01-x.md", "KeyError: 'x'")


def test_a_second_process_that_dies_is_an_error_not_a_hang(tmp_path):
    handouts = Handouts(settings_for(REPO))
    handouts.stop()
    with pytest.raises(OSError, match="stopped"):
        handouts.write(tmp_path)
    assert not any(tmp_path.iterdir())
