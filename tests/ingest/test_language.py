"""The English check: every dev-set article passes, other languages do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch.errors import NotEnglish
from claimwatch.ingest.validate import check_text, english_score

DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev"

FOREIGN = {
    "de": "Der Grenzschutz meldete am Samstag, dass zwei Männer im Fluss ertrunken sind, und die Polizei ermittelt weiter in der Region.",
    "fr": "Les autorités ont annoncé samedi que deux hommes se sont noyés dans la rivière, et la police poursuit son enquête dans la région.",
    "es": "Las autoridades anunciaron el sábado que dos hombres se ahogaron en el río y la policía continúa investigando en la región.",
    "it": "Le autorità hanno annunciato sabato che due uomini sono annegati nel fiume e la polizia continua a indagare nella regione.",
    "pt": "As autoridades anunciaram no sábado que dois homens se afogaram no rio e a polícia continua a investigar na região.",
    "nl": "De autoriteiten maakten zaterdag bekend dat twee mannen in de rivier zijn verdronken en de politie zet het onderzoek voort.",
    "pl": "Straż Graniczna poinformowała w sobotę, że dwóch mężczyzn utonęło w rzece, a policja prowadzi śledztwo w regionie.",
    "uk": "Державна прикордонна служба повідомила, що в річці Тиса знайшли тіла двох чоловіків, які намагалися перетнути кордон.",
    "ro": "Poliția de frontieră a anunțat sâmbătă că doi bărbați s-au înecat în râul Tisa și că ancheta continuă în regiune.",
}


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_other_languages_are_refused(lang):
    with pytest.raises(NotEnglish) as err:
        check_text(FOREIGN[lang], f"{lang}.txt")
    assert err.value.cli_line().startswith(f"claimwatch: error: {lang}.txt: not English")


def test_short_english_news_is_accepted():
    text = "Border guards detained 12 men who tried to cross the Tisza River on Saturday, officials said."
    assert check_text(text, "en.txt") == text


@pytest.mark.skipif(not DEV.exists(), reason="dev data (../shared/data/dev) not beside this checkout")
def test_every_dev_article_reads_as_english():
    low = []
    for path in sorted(DEV.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                if english_score(doc["text"]) < 0.05:
                    low.append((path.name, doc["id"]))
    assert not low, low
