"""Preview images drawn with the bundled fonts: shaping, direction, margins, determinism."""

import io
import struct
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

from share_previews import card as cards
from share_previews.card import HEADLINE_BOX, HEIGHT, MARGIN, WIDTH, Card, Fonts, headline_layout, render_card
from share_previews.fonts import SOURCES, language_font

THEME = Path(__file__).resolve().parents[3] / "theme"
LONG_URDU = ("وزیر اعظم نے قومی اسمبلی میں بجٹ پیش کرتے ہوئے کہا کہ حکومت مہنگائی پر قابو پانے کے لیے ہر ممکن"
             " اقدامات کرے گی اور عوام کو ریلیف دیا جائے گا جبکہ اپوزیشن نے بجٹ کو مسترد کر دیا")
LONG_ENGLISH = ("Kremlin aide says talks with the United States on ending the war in Ukraine were"
                " constructive but that much work remains before any agreement can be signed")


@pytest.fixture(scope="module")
def fonts(tmp_path_factory) -> Fonts:
    cache = tmp_path_factory.mktemp("fonts")
    return Fonts(ur=language_font(THEME / "fonts", "ur", cache), en=language_font(THEME / "fonts", "en", cache))


@pytest.fixture(scope="module")
def colours() -> dict:
    return cards.theme_colours((THEME / "static/css/akhbar.css").read_text(encoding="utf-8"))


def urdu(headline: str) -> Card:
    return Card(headline, "ur", "14 مارچ، 2026", "اخبار", "akhbar.example.org")


def english(headline: str) -> Card:
    return Card(headline, "en", "March 14, 2026", "Akhbar", "akhbar.example.org")


def ink_columns(image: Image.Image, box: tuple[int, int, int, int], paper: str) -> tuple[int, int] | None:
    """The first and last column in `box` with a pixel that is not paper."""
    region = image.convert("RGB").crop(box)
    background = Image.new("RGB", region.size, paper)
    bbox = Image.frombytes("L", region.size, bytes(
        0 if a == b else 255 for a, b in zip(region.tobytes()[::3], background.tobytes()[::3], strict=True)
    )).getbbox()
    return None if bbox is None else (box[0] + bbox[0], box[0] + bbox[2])


def test_pillow_shapes_text():
    assert features.check("raqm"), "the pinned Pillow wheel bundles libraqm"


def test_without_raqm_the_build_says_why(monkeypatch):
    monkeypatch.setattr(cards.features, "check", lambda name: False)
    with pytest.raises(cards.NoTextShaping, match="libraqm"):
        cards.require_raqm()


def test_the_urdu_font_has_the_digits_and_latin_the_arabic_file_lacks(fonts):
    assert ord("2") not in TTFont(THEME / "fonts" / SOURCES["ur"][0]).getBestCmap()
    assert {ord(c) for c in "2026 AZ“”…"} <= set(TTFont(fonts.ur).getBestCmap())
    font = ImageFont.truetype(str(fonts.ur), 40, layout_engine=ImageFont.Layout.RAQM)
    assert font.getbbox("2026")[2] > 40  # drawn, not an empty box


def test_urdu_letters_join(fonts):
    """Shaped, three joined ب are narrower than three isolated ones side by side."""
    font = ImageFont.truetype(str(fonts.ur), 60, layout_engine=ImageFont.Layout.RAQM)
    joined = font.getlength("ببب", direction="rtl", language="ur")
    alone = font.getlength("ب", direction="rtl", language="ur")
    assert joined < 2.5 * alone


def test_urdu_runs_right_to_left(fonts):
    """The first word of a line is drawn at its right end."""
    font = ImageFont.truetype(str(fonts.ur), 60, layout_engine=ImageFont.Layout.RAQM)

    def drawn(text):
        image = Image.new("L", (900, 200), 0)
        ImageDraw.Draw(image).text((880, 130), text, font=font, fill=255, anchor="rs", direction="rtl", language="ur")
        return image

    line, first, last = drawn("روس امریکہ"), drawn("روس"), drawn("امریکہ")
    first_box, last_box = first.getbbox(), last.getbbox()
    assert first_box[0] > 700  # the first word alone, at the right
    # In the line, the first word's pixels are where they are alone, at the right ...
    overlap = sum(1 for a, b in zip(line.crop(first_box).tobytes(), first.crop(first_box).tobytes(), strict=True)
                  if a > 128 and b > 128)
    assert overlap > 0.9 * sum(1 for b in first.crop(first_box).tobytes() if b > 128)
    # ... and the second word is to its left.
    assert line.getbbox()[0] < first_box[0] - (last_box[2] - last_box[0]) // 2


@pytest.mark.parametrize("card", [urdu(LONG_URDU), english(LONG_ENGLISH), urdu(LONG_URDU * 3),
                                  english(LONG_ENGLISH * 3), urdu("روس"), english("Russia")])
def test_headlines_wrap_inside_the_margins(card, fonts, colours):
    layout = headline_layout(card, fonts)
    left, top, right, bottom = HEADLINE_BOX
    assert 1 <= len(layout.lines) <= cards.STYLE[card.lang]["lines"]
    for line in layout.lines:
        assert left <= line.box[0] and line.box[2] <= right and top <= line.box[1] and line.box[3] <= bottom, line
    assert layout.fit.truncated == (len(card.headline) > 300)
    # The image itself: nothing but paper left and right of the margins, below the accent bar.
    image = Image.open(io.BytesIO(render_card(card, fonts, colours)))
    assert image.size == (WIDTH, HEIGHT) and image.format == "PNG"
    assert ink_columns(image, (0, cards.ACCENT_BAR, MARGIN, HEIGHT), colours["paper"]) is None
    assert ink_columns(image, (WIDTH - MARGIN, cards.ACCENT_BAR, WIDTH, HEIGHT), colours["paper"]) is None
    columns = ink_columns(image, HEADLINE_BOX, colours["paper"])
    assert columns is not None  # the headline is drawn
    if card.lang == "ur":
        assert columns[1] >= right - 8  # aligned to the right margin
    else:
        assert columns[0] <= left + 8


def test_a_long_urdu_headline_is_set_smaller_than_a_short_one(fonts):
    short, long = headline_layout(urdu("روس اور امریکہ کے مذاکرات"), fonts), headline_layout(urdu(LONG_URDU), fonts)
    assert short.fit.size > long.fit.size
    assert 2 <= len(long.lines) <= 4 and not long.fit.truncated


def test_same_card_same_bytes_other_headline_other_image(fonts, colours):
    first = render_card(urdu("روس اور امریکہ کے مذاکرات"), fonts, colours)
    assert render_card(urdu("روس اور امریکہ کے مذاکرات"), fonts, colours) == first
    assert render_card(urdu("روس اور چین کے مذاکرات"), fonts, colours) != first
    assert render_card(english("Russia and the US talk"), fonts, colours) != first


def test_png_carries_no_time_or_text_chunks(fonts, colours):
    data = render_card(english("Russia and the US talk"), fonts, colours)
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.append(kind.decode())
        offset += 12 + length
    assert set(chunks) <= {"IHDR", "PLTE", "IDAT", "IEND"}, chunks
    assert len(data) < 60_000


def test_theme_colours_come_from_the_stylesheet_light_scheme():
    css = ":root { --ink: #111; --paper: #fff; --muted: #555; --rule: #ddd; --accent: #0b5d3b; }" \
          "@media (prefers-color-scheme: dark) { :root { --paper: #000; } }"
    assert cards.theme_colours(css)["paper"] == "#fff"
    with pytest.raises(ValueError, match="accent"):
        cards.theme_colours(":root { --ink: #111; --paper: #fff; --muted: #555; --rule: #ddd; }")
