"""A newsroom that publishes in every language Masthead ships a catalog for,
and in four it does not, for test_every_language.py: the stories, the
newsroom built from them through the services, and the checks a page in
a language must pass (its language and direction, no text of another
language unless marked, times as Babel gives them)."""

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from unicodedata import bidirectional
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time, format_timedelta, get_datetime_format
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import timezone, translation

REPO = Path(__file__).resolve().parents[2]
LOCALE = REPO / "masthead" / "locale"
SOURCE = "en"  # the language of the msgids

# Content languages without a catalog of their own: Swahili takes the
# site's texts from English (the default), Luxembourgish and Romansh from
# German (MASTHEAD_UI_FALLBACKS=lb=de,rm=de), Hebrew from English, written
# the other way. Django has catalogs of its own for Swahili, Luxembourgish
# and Hebrew, none for Romansh.
WITHOUT_CATALOG = {"sw": "en", "lb": "de", "rm": "de", "he": "en"}


@dataclass(frozen=True)
class Story:
    headline: str
    standfirst: str
    body: tuple[str, ...]  # its sentences, one paragraph


@dataclass(frozen=True)
class Newsroom:
    """What one language's newsroom publishes."""

    city: tuple[str, str]  # a section's name and slug
    culture: tuple[str, str]
    topic: str
    author: tuple[str, str, str]  # name, slug, biography
    town: str  # in the first headline: what the search page looks for
    stories: tuple[Story, Story, Story]
    correction: str


def story(headline, standfirst, *body):
    return Story(headline, standfirst, body)


NEWSROOMS = {
    "en": Newsroom(
        ("City", "city"), ("Culture", "culture"), "Transport",
        ("Emma Clarke", "emma-clarke", "Emma reports on the city."), "Haldenau",
        (story("New bridge opens in Haldenau", "The bridge links the old town with the station.",
               "The new bridge opened on Monday morning.", "Hundreds of people walked across it."),
         story("City council approves the budget", "The council will spend more on schools.",
               "The council voted for the budget on Tuesday.",
               "Schools and parks get more money."),
         story("Museum shows old maps", "The exhibition runs until spring.",
               "The city museum opened an exhibition of old maps.",
               "Entry is free on Sundays.")),
        "An earlier version gave the wrong opening day.",
    ),
    "de": Newsroom(
        ("Stadt", "stadt"), ("Kultur", "kultur"), "Verkehr",
        ("Jonas Weber", "jonas-weber", "Jonas berichtet über die Stadt."), "Haldenau",
        (story("Neue Brücke in Haldenau eröffnet",
               "Die Brücke verbindet die Altstadt mit dem Bahnhof.",
               "Die neue Brücke wurde am Montagmorgen eröffnet.",
               "Hunderte Menschen gingen darüber."),
         story("Stadtrat beschließt den Haushalt", "Der Rat gibt mehr Geld für Schulen aus.",
               "Der Rat stimmte am Dienstag für den Haushalt.",
               "Schulen und Parks bekommen mehr Geld."),
         story("Museum zeigt alte Karten", "Die Ausstellung läuft bis zum Frühjahr.",
               "Das Stadtmuseum zeigt alte Karten.", "Sonntags ist der Eintritt frei.")),
        "In einer früheren Fassung stand ein falscher Eröffnungstag.",
    ),
    "fr": Newsroom(
        ("Ville", "ville"), ("Culture", "culture"), "Transports",
        ("Camille Laurent", "camille-laurent", "Camille couvre l’actualité de la ville."),
        "Haldenau",
        (story("Un nouveau pont ouvre à Haldenau", "Le pont relie la vieille ville à la gare.",
               "Le nouveau pont a ouvert lundi matin.",
               "Des centaines de personnes l’ont traversé."),
         story("Le conseil municipal adopte le budget",
               "Le conseil dépensera plus pour les écoles.",
               "Le conseil a voté le budget mardi.",
               "Les écoles et les parcs reçoivent plus d’argent."),
         story("Le musée expose de vieilles cartes", "L’exposition dure jusqu’au printemps.",
               "Le musée de la ville expose de vieilles cartes.",
               "L’entrée est gratuite le dimanche.")),
        "Une version précédente indiquait un mauvais jour d’ouverture.",
    ),
    "es": Newsroom(
        ("Ciudad", "ciudad"), ("Cultura", "cultura"), "Transporte",
        ("Lucía Fernández", "lucia-fernandez", "Lucía informa sobre la ciudad."), "Haldenau",
        (story("Se inaugura un nuevo puente en Haldenau",
               "El puente une el casco antiguo con la estación.",
               "El nuevo puente se abrió el lunes por la mañana.",
               "Cientos de personas lo cruzaron."),
         story("El ayuntamiento aprueba el presupuesto", "El consejo gastará más en escuelas.",
               "El consejo votó el presupuesto el martes.",
               "Las escuelas y los parques reciben más dinero."),
         story("El museo muestra mapas antiguos", "La exposición dura hasta la primavera.",
               "El museo de la ciudad muestra mapas antiguos.",
               "La entrada es gratuita los domingos.")),
        "Una versión anterior daba un día de apertura equivocado.",
    ),
    "it": Newsroom(
        ("Città", "citta"), ("Cultura", "cultura"), "Trasporti",
        ("Giulia Rossi", "giulia-rossi", "Giulia racconta la città."), "Haldenau",
        (story("Un nuovo ponte apre a Haldenau",
               "Il ponte collega il centro storico alla stazione.",
               "Il nuovo ponte è stato aperto lunedì mattina.",
               "Centinaia di persone lo hanno attraversato."),
         story("Il consiglio comunale approva il bilancio",
               "Il consiglio spenderà di più per le scuole.",
               "Il consiglio ha votato il bilancio martedì.",
               "Scuole e parchi ricevono più fondi."),
         story("Il museo espone vecchie mappe", "La mostra dura fino alla primavera.",
               "Il museo civico espone vecchie mappe.",
               "L’ingresso è gratuito la domenica.")),
        "Una versione precedente indicava un giorno di apertura sbagliato.",
    ),
    "pt": Newsroom(
        ("Cidade", "cidade"), ("Cultura", "cultura"), "Transportes",
        ("Ana Sousa", "ana-sousa", "Ana escreve sobre a cidade."), "Haldenau",
        (story("Nova ponte abre em Haldenau", "A ponte liga a cidade velha à estação.",
               "A nova ponte abriu na segunda-feira de manhã.",
               "Centenas de pessoas atravessaram-na."),
         story("Câmara aprova o orçamento", "A câmara vai gastar mais com as escolas.",
               "A câmara votou o orçamento na terça-feira.",
               "As escolas e os parques recebem mais dinheiro."),
         story("Museu mostra mapas antigos", "A exposição fica até à primavera.",
               "O museu da cidade mostra mapas antigos.",
               "A entrada é gratuita aos domingos.")),
        "Uma versão anterior indicava o dia de abertura errado.",
    ),
    "nl": Newsroom(
        ("Stad", "stad"), ("Cultuur", "cultuur"), "Verkeer",
        ("Sanne de Vries", "sanne-de-vries", "Sanne schrijft over de stad."), "Haldenau",
        (story("Nieuwe brug in Haldenau geopend",
               "De brug verbindt de oude stad met het station.",
               "De nieuwe brug ging maandagochtend open.",
               "Honderden mensen liepen eroverheen."),
         story("Gemeenteraad keurt de begroting goed", "De raad geeft meer uit aan scholen.",
               "De raad stemde dinsdag voor de begroting.",
               "Scholen en parken krijgen meer geld."),
         story("Museum toont oude kaarten", "De tentoonstelling loopt tot de lente.",
               "Het stadsmuseum toont oude kaarten.", "Op zondag is de toegang gratis.")),
        "In een eerdere versie stond een verkeerde openingsdag.",
    ),
    "pl": Newsroom(
        ("Miasto", "miasto"), ("Kultura", "kultura"), "Komunikacja",
        ("Katarzyna Nowak", "katarzyna-nowak", "Katarzyna pisze o mieście."), "Haldenau",
        (story("Nowy most otwarty w Haldenau", "Most łączy stare miasto z dworcem.",
               "Nowy most otwarto w poniedziałek rano.", "Przeszły po nim setki osób."),
         story("Rada miasta przyjmuje budżet", "Rada wyda więcej na szkoły.",
               "Rada przegłosowała budżet we wtorek.",
               "Szkoły i parki dostaną więcej pieniędzy."),
         story("Muzeum pokazuje stare mapy", "Wystawa potrwa do wiosny.",
               "Muzeum miejskie pokazuje stare mapy.", "W niedziele wstęp jest bezpłatny.")),
        "Wcześniejsza wersja podawała błędny dzień otwarcia.",
    ),
    "tr": Newsroom(
        ("Şehir", "sehir"), ("Kültür", "kultur"), "Ulaşım",
        ("Elif Yılmaz", "elif-yilmaz", "Elif şehirden haber yapıyor."), "Haldenau",
        (story("Haldenau’da yeni köprü açıldı", "Köprü eski şehri istasyona bağlıyor.",
               "Yeni köprü pazartesi sabahı açıldı.", "Yüzlerce kişi köprüden geçti."),
         story("Belediye meclisi bütçeyi onayladı",
               "Meclis okullara daha fazla para harcayacak.",
               "Meclis salı günü bütçeyi oyladı.",
               "Okullar ve parklar daha fazla para alıyor."),
         story("Müze eski haritaları sergiliyor", "Sergi bahara kadar sürecek.",
               "Şehir müzesi eski haritaları sergiliyor.", "Pazar günleri giriş ücretsiz.")),
        "Önceki bir sürümde açılış günü yanlış yazılmıştı.",
    ),
    "uk": Newsroom(
        ("Місто", "misto"), ("Культура", "kultura"), "Транспорт",
        ("Олена Коваленко", "olena-kovalenko", "Олена пише про місто."), "Гальденау",
        (story("У Гальденау відкрили новий міст", "Міст з’єднує старе місто з вокзалом.",
               "Новий міст відкрили в понеділок уранці.", "Сотні людей пройшли ним."),
         story("Міська рада ухвалила бюджет", "Рада витратить більше на школи.",
               "Рада проголосувала за бюджет у вівторок.",
               "Школи й парки отримають більше грошей."),
         story("Музей показує старі карти", "Виставка триватиме до весни.",
               "Міський музей показує старі карти.", "У неділю вхід вільний.")),
        "У попередній версії був неправильний день відкриття.",
    ),
    "ar": Newsroom(
        ("المدينة", "المدينة"), ("ثقافة", "ثقافة"), "النقل",
        ("ليلى حداد", "layla-haddad", "تكتب ليلى عن شؤون المدينة."), "هالديناو",
        (story("افتتاح جسر جديد في هالديناو", "يربط الجسر البلدة القديمة بالمحطة.",
               "افتُتح الجسر الجديد صباح الاثنين.", "عبره مئات الأشخاص."),
         story("مجلس المدينة يقر الميزانية", "سينفق المجلس المزيد على المدارس.",
               "صوّت المجلس على الميزانية يوم الثلاثاء.",
               "تحصل المدارس والحدائق على أموال أكثر."),
         story("المتحف يعرض خرائط قديمة", "يستمر المعرض حتى الربيع.",
               "يعرض متحف المدينة خرائط قديمة.", "الدخول مجاني أيام الأحد.")),
        "ذكرت نسخة سابقة يوم الافتتاح خطأً.",
    ),
    "ja": Newsroom(
        ("地域", "地域"), ("文化", "文化"), "交通",
        ("佐藤 花子", "sato-hanako", "佐藤は市政を担当しています。"), "ハルデナウ",
        (story("ハルデナウ、新しい橋が開通", "橋は旧市街と駅を結ぶ。",
               "新しい橋が月曜日の朝に開通した。", "数百人が橋を渡った。"),
         story("市議会、予算案を可決", "議会は学校への支出を増やす。",
               "議会は火曜日に予算案を可決した。", "学校と公園への予算が増える。"),
         story("博物館で古い地図の展示", "展示は春まで続く。",
               "市立博物館で古い地図の展示が始まった。", "日曜日は入場無料。")),
        "以前の版では開通日に誤りがありました。",
    ),
    "sw": Newsroom(
        ("Jiji", "jiji"), ("Utamaduni", "utamaduni"), "Usafiri",
        ("Amina Mwangi", "amina-mwangi", "Amina anaandika kuhusu jiji."), "Haldenau",
        (story("Daraja jipya lafunguliwa Haldenau",
               "Daraja linaunganisha mji wa zamani na kituo.",
               "Daraja jipya lilifunguliwa Jumatatu asubuhi.", "Mamia ya watu walivuka."),
         story("Baraza la jiji lapitisha bajeti", "Baraza litatumia zaidi kwa shule.",
               "Baraza lilipiga kura ya bajeti Jumanne.",
               "Shule na bustani zinapata pesa zaidi."),
         story("Makumbusho yaonyesha ramani za zamani",
               "Maonyesho yataendelea hadi majira ya kuchipua.",
               "Makumbusho ya jiji yanaonyesha ramani za zamani.",
               "Kuingia ni bure siku ya Jumapili.")),
        "Toleo la awali lilitaja siku isiyo sahihi ya ufunguzi.",
    ),
    "lb": Newsroom(
        ("Stad", "stad"), ("Kultur", "kultur"), "Verkéier",
        ("Claude Schmit", "claude-schmit", "De Claude schreift iwwer d’Stad."), "Haldenau",
        (story("Nei Bréck zu Haldenau opgemaach", "D’Bréck verbënnt d’Alstad mat der Gare.",
               "Déi nei Bréck ass e Méindeg de Moien opgaang.",
               "Honnerte Leit sinn driwwer gaangen."),
         story("Gemengerot stëmmt iwwer de Budget of", "De Rot gëtt méi fir d’Schoulen aus.",
               "De Rot huet en Dënschdeg iwwer de Budget ofgestëmmt.",
               "Schoulen a Parke kréie méi Suen."),
         story("Musée weist al Kaarten", "D’Ausstellung leeft bis am Fréijoer.",
               "De Stadmusée weist al Kaarten.", "Sonndes ass den Entrée gratis.")),
        "An enger fréierer Versioun stoung e falschen Ouverturesdag.",
    ),
    "rm": Newsroom(
        ("Citad", "citad"), ("Cultura", "cultura"), "Traffic",
        ("Gian Caduff", "gian-caduff", "Gian scriva davart la citad."), "Haldenau",
        (story("Nova punt averta a Haldenau", "La punt collia la citad veglia cun la staziun.",
               "La nova punt è vegnida averta glindesdi la damaun.",
               "Tschientos persunas l’han traversada."),
         story("Il cussegl da la citad approva il budget",
               "Il cussegl spenda dapli per las scolas.",
               "Il cussegl ha votà il budget mardi.",
               "Las scolas ed ils parcs survegnan dapli daners."),
         story("Il museum mussa chartas veglias", "L’exposiziun dura fin la primavaira.",
               "Il museum da la citad mussa chartas veglias.",
               "L’entrada è gratuita la dumengia.")),
        "Ina versiun pli veglia aveva in fallà di d’avertura.",
    ),
    "he": Newsroom(
        ("העיר", "העיר"), ("תרבות", "תרבות"), "תחבורה",
        ("נועה לוי", "noa-levi", "נועה מסקרת את ענייני העיר."), "הלדנאו",
        (story("גשר חדש נפתח בעיר הלדנאו", "הגשר מחבר את העיר העתיקה לתחנה.",
               "הגשר החדש נפתח ביום שני בבוקר.", "מאות אנשים חצו אותו."),
         story("מועצת העיר אישרה את התקציב", "המועצה תוציא יותר על בתי ספר.",
               "המועצה הצביעה על התקציב ביום שלישי.",
               "בתי הספר והגנים יקבלו יותר כסף."),
         story("המוזיאון מציג מפות ישנות", "התערוכה תימשך עד האביב.",
               "מוזיאון העיר מציג מפות ישנות.", "הכניסה חופשית בימי ראשון.")),
        "בגרסה קודמת נכתב יום פתיחה שגוי.",
    ),
}  # fmt: skip

# A section from before the site published in more than German and English:
# named in those two only (the admin asks for a name in every language, but
# a language added later finds the sections without one).
OLD_SECTION = {"names": {"de": "Welt", "en": "World"}, "slugs": {"de": "welt", "en": "world"}}

# How old the three stories are: a clock time, hours, days.
AGES = (timedelta(minutes=20), timedelta(hours=3), timedelta(days=2))


def ui_codes() -> list[str]:
    """The UI languages Masthead ships (English and every catalog)."""
    return [code for code, _name in settings.UI_LANGUAGES]


def content_codes() -> list[str]:
    return ui_codes() + list(WITHOUT_CATALOG)


def self_name(code: str) -> str:
    name = Locale.parse(code, sep="-").get_display_name(code) or code
    return name[:1].upper() + name[1:]


def site_settings() -> dict:
    """The settings of a site that publishes in every language above."""
    return {
        "LANGUAGES": [(code, self_name(code)) for code in content_codes()],
        "UI_FALLBACKS": {code: to for code, to in WITHOUT_CATALOG.items() if to != SOURCE},
    }


# -- The newsroom ----------------------------------------------------------------------


@dataclass
class Site:
    """The addresses of every page type, by (language, kind)."""

    reader: dict[tuple[str, str], str] = field(default_factory=dict)
    feeds: dict[tuple[str, str], str] = field(default_factory=dict)
    desk: dict[tuple[str, str], str] = field(default_factory=dict)


READER_KINDS = (
    "home", "archive", "article", "section", "topic", "author", "corrections", "search", "404",
)  # fmt: skip
FEED_KINDS = ("rss", "atom", "json")
DESK_KINDS = ("login", "dashboard", "article")


def publish_newsroom() -> Site:
    """Every language's newsroom, published through the services at the
    clock's time: a section tree named in every language (and the old
    section, named in two), an author, a topic, three stories of different
    ages (the newest corrected), each language's first story a version of
    the others' (one translation key)."""
    from django.urls import reverse

    from masthead.articles import services
    from masthead.articles.models import Article
    from masthead.articles.pagination import Cursor
    from masthead.lib import fallbacks
    from masthead.lib.text import make_slug
    from masthead.people.models import Author
    from masthead.sections.models import Section, Tag

    codes = content_codes()
    for code in codes:
        # Before the first address is reversed: Django keeps each language's
        # URL patterns once made (lib/fallbacks.py).
        fallbacks.install(code)
    now = timezone.now()
    Section.objects.create(position=3, **OLD_SECTION)
    city = Section.objects.create(
        position=1,
        names={code: NEWSROOMS[code].city[0] for code in codes},
        slugs={code: NEWSROOMS[code].city[1] for code in codes},
    )
    culture = Section.objects.create(
        position=2,
        names={code: NEWSROOMS[code].culture[0] for code in codes},
        slugs={code: NEWSROOMS[code].culture[1] for code in codes},
    )
    bridge, topic = uuid.uuid4(), uuid.uuid4()
    site = Site()
    for code in codes:
        newsroom = NEWSROOMS[code]
        name, slug, bio = newsroom.author
        author = Author.objects.create(name=name, slug=slug, bios={code: bio})
        tag = Tag.objects.create(
            language=code,
            name=newsroom.topic,
            slug=make_slug(newsroom.topic, language=code),
            topic=topic,
        )
        articles = []
        for number, (text, age) in enumerate(zip(newsroom.stories, AGES, strict=True)):
            article = Article(
                headline=text.headline,
                standfirst=text.standfirst,
                body="<p>" + " ".join(text.body) + "</p>",
                language=code,
                status=Article.Status.PUBLISHED,
                publish_at=now - age,
                section=culture if number == 2 else city,
            )
            if number == 0:
                article.translation_key = bridge
            articles.append(services.save_article(article, authors=[author], tags=[tag]))
        services.add_correction(articles[0], newsroom.correction)
        with translation.override(code):
            site.reader.update(
                {
                    (code, "home"): reverse("articles:home"),
                    # The archive, from the second newest story on.
                    (code, "archive"): f"{reverse('articles:home')}?before="
                    f"{Cursor.of(articles[0])}",
                    (code, "article"): articles[0].get_absolute_url(),
                    (code, "section"): city.get_absolute_url(),
                    (code, "topic"): tag.get_absolute_url(),
                    (code, "author"): author.get_absolute_url(),
                    (code, "corrections"): reverse("articles:corrections"),
                    (code, "search"): f"{reverse('search:results')}?q={newsroom.town}",
                    (code, "404"): reverse("articles:home") + "no-such-page/",
                }
            )
            site.feeds.update(
                {
                    (code, "rss"): reverse("feeds:rss"),
                    (code, "atom"): reverse("feeds:atom"),
                    (code, "json"): reverse("feeds:json"),
                }
            )
        if code in ui_codes():
            site.desk.update(
                {
                    (code, "login"): reverse("desk:login"),
                    (code, "dashboard"): reverse("desk:home"),
                    (code, "article"): reverse("desk:article_edit", args=[articles[0].pk]),
                }
            )
    return site


# -- The texts of each language ----------------------------------------------------------

# What stands for a value in a message, and markup: a text is matched
# between them.
PLACEHOLDER = re.compile(
    r"%\([a-z_0-9]+\)[sdif]|%[sdif]|\{[a-z_0-9]*\}|\{\{[^}]*\}\}|<[^>]+>|&\w+;"
)
WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# A text of a catalog counts where it stands in a page's text when it has
# at least this many letters (fewer are too often a word of another
# language too): as a whole text of an element, 3 (2 in Chinese, Japanese
# or Korean characters); as a part of a longer text, 8 (3).
WHOLE, PART = (3, 2), (8, 3)


LETTER = re.compile(r"[^\W\d_]")


def letters(text: str) -> int:
    return len(LETTER.findall(text))


def enough(text: str, minimum: tuple[int, int]) -> bool:
    return letters(text) >= minimum[1 if CJK.search(text) else 0]


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.casefold()))


def pieces(message: str) -> list[str]:
    """The runs of text between a message's placeholders and markup."""
    return [p.strip() for p in PLACEHOLDER.split(message) if letters(p)]


@cache
def catalog_texts() -> dict[str, list[tuple[str, str]]]:
    """(text, "msgid '…'") of every message of every catalog in masthead/locale/,
    by language: the msgids for English, the translations for the others.
    Addresses (msgctxt "URL") are not text a reader sees.

    And for each language without a catalog, the messages Django's own
    catalogs of that language translate: its pages show them (Django's
    Swahili "Tafuta" for "Search"), not the fallback's."""
    texts: dict[str, list[tuple[str, str]]] = {}
    keys = []
    for folder in sorted(LOCALE.iterdir()):
        po = folder / "LC_MESSAGES" / "django.po"
        if not po.is_file():
            continue
        with open(po, "rb") as f:
            catalog = read_po(f, locale=folder.name)
        found = texts.setdefault(folder.name, [])
        for message in catalog:
            if not message.id or message.context == "URL":
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            if folder.name == SOURCE:
                found += [(text, f"msgid {ids[0]!r}") for text in ids]
                keys.append((message.context, ids[0]))
            else:
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                found += [(text, f"msgid {ids[0]!r}") for text in strings if text]
    for code in WITHOUT_CATALOG:
        catalog = django_catalog(code)
        texts[code] = [
            (text, f"msgid {msgid!r}, Django's catalog")
            for context, msgid in keys
            if (text := catalog.get(f"{context}\x04{msgid}" if context else msgid, msgid)) != msgid
        ]
    return texts


@cache
def django_catalog(code: str):
    """Django's merged catalog of ``code``: its own, its apps' and
    Masthead's, without the languages it falls back to."""
    from django.utils.translation import trans_real

    return trans_real.DjangoTranslation(code)._catalog  # private: the merged catalog


@cache
def django_texts(code: str) -> list[str]:
    """The translations of Django's and its apps' catalogs for ``code``
    (Luxembourgish has Django's "All" for "All"): texts of the language too,
    wherever a page takes them from."""
    return [text for _key, text in django_catalog(code).items() if text]


def content_texts(code: str) -> list[tuple[str, str]]:
    """(text, what it is) that a language's newsroom wrote."""
    newsroom = NEWSROOMS[code]
    texts = [
        (newsroom.city[0], "a section's name"),
        (newsroom.culture[0], "a section's name"),
        (newsroom.topic, "a topic"),
        (newsroom.author[2], "a biography"),
        (newsroom.correction, "a correction"),
    ]
    if code in OLD_SECTION["names"]:
        texts.append((OLD_SECTION["names"][code], "a section's name"))
    for text in newsroom.stories:
        texts += [(text.headline, "a headline"), (text.standfirst, "a standfirst")]
        texts += [(sentence, "a story's sentence") for sentence in text.body]
    return texts


@dataclass(frozen=True)
class Foreign:
    """A text of another language, and where it comes from."""

    text: str
    language: str
    source: str  # "msgid '…'", or what the newsroom wrote ("a headline")

    def __str__(self) -> str:
        return f"{self.text!r} ({self.language}, {self.source})"


@dataclass
class Vocabulary:
    """The texts that must not appear unmarked in a language: another
    catalog's, another newsroom's, less whatever is also a text of the
    language itself."""

    whole: dict[str, Foreign]  # a whole element's text (casefolded) → its source
    parts: dict[str, list[tuple[tuple[str, ...], Foreign]]]  # first word → word runs


@cache
def neutral() -> frozenset[tuple[str, ...]]:
    """Names, no language's texts: what every catalog writes alike ("JSON
    Feed", "RSS"), and the site's name."""
    by_message: dict[str, set[str]] = {}
    for texts in catalog_texts().values():
        for text, source in texts:
            by_message.setdefault(source, set()).add(text)
    names = {words(settings.SITE_NAME)}  # a catalog's text may name the site alone
    return (
        frozenset(
            words(piece)
            for texts in by_message.values()
            if len(texts) == 1
            for piece in pieces(next(iter(texts)))
        )
        | names
    )


def runs(sequence: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {sequence[i:j] for i in range(len(sequence)) for j in range(i + 1, len(sequence) + 1)}


@cache
def own_texts(code: str) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The texts of ``code`` – its catalog's (none for a language without
    one), Django's and its apps', and its newsroom's – by their words: the whole texts (between
    placeholders), and every run of words within them."""
    texts = [text for text, _ in catalog_texts().get(code, [])] + django_texts(code)
    texts += [text for text, _ in content_texts(code)] if code in NEWSROOMS else []
    whole: set[tuple[str, ...]] = set()
    within: set[tuple[str, ...]] = set()
    for text in texts:
        for piece in pieces(text):
            whole.add(words(piece))
            within |= runs(words(piece))
    return frozenset(whole), frozenset(within)


@cache
def texts_by_words() -> dict[tuple[str, ...], tuple[list[Foreign], bool, bool]]:
    """Every text of every catalog and newsroom, by its words: where it
    comes from, and whether it counts as a whole text and as a part."""
    found: dict[tuple[str, ...], tuple[list[Foreign], bool, bool]] = {}
    sources = list(catalog_texts().items()) + [(code, content_texts(code)) for code in NEWSROOMS]
    for language, texts in sources:
        for text, source in texts:
            for piece in pieces(text):
                sequence = words(piece)
                if sequence:
                    entry = found.setdefault(
                        sequence, ([], enough(piece, WHOLE), enough(piece, PART))
                    )
                    entry[0].append(Foreign(piece, language, source))
    return found


@cache
def vocabulary(code: str) -> Vocabulary:
    """What would be another language's text in an element in ``code``."""
    code = code.lower()
    own_whole, own_within = own_texts(code)
    whole: dict[str, Foreign] = {}
    parts: dict[str, list[tuple[tuple[str, ...], Foreign]]] = {}
    for sequence, (sources, as_whole, as_part) in texts_by_words().items():
        if sequence in neutral():
            continue
        others = [f for f in sources if f.language != code]
        if not others:
            continue
        # "Stad" is Dutch and Luxembourgish: named by every language it is in.
        languages = ", ".join(sorted({f.language for f in others}))
        foreign = Foreign(others[0].text, languages, others[0].source)
        # An element's whole text may be a text of the language itself; a
        # run of words within a longer text, a part of one ("Articles" in
        # French too).
        if as_whole and sequence not in own_whole:
            whole[" ".join(sequence)] = foreign
        if as_part and sequence not in own_within:
            parts.setdefault(sequence[0], []).append((sequence, foreign))
    return Vocabulary(whole, parts)


# -- Reading a page ---------------------------------------------------------------------

SILENT = {"script", "style", "template"}  # elements whose text is not shown
SPOKEN_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "aria-description")
BUTTONS = {"submit", "button", "reset"}
TYPED = {"text", "search", None}


@dataclass
class Region:
    """The texts of a page that stand in one language: an element with a
    lang attribute (or the page), less the elements inside it that say
    another. Each text with the element it stands in."""

    language: str
    texts: list[tuple[str, str]] = field(default_factory=list)
    # A second language the texts may be in: the fallback's, where no
    # markup can say so (a page's <title>, a feed's description), on a
    # language without a catalog of its own.
    also: str = ""


LANDMARKS = {"head", "header", "main", "footer", "nav", "aside", "form"}


def describe(element) -> str:
    """``<h2#latest-heading.block-title> in <main#main>``: the element, and
    the landmark around it."""

    def name(node):
        text = node.tag
        if node.get("id"):
            text += f"#{node.get('id')}"
        if node.get("class"):
            text += "." + ".".join(node.get("class").split())
        return f"<{text}>"

    landmark = next((n for n in element.iterancestors() if n.tag in LANDMARKS), None)
    return name(element) + (f" in {name(landmark)}" if landmark is not None else "")


def regions(root) -> list[Region]:
    """The page's texts (elements' text, the attributes a screen reader
    speaks, the title) by the language the nearest lang attribute gives them."""
    found = [Region((root.get("lang") or "").lower())]

    def walk(element, region):
        if not isinstance(element.tag, str):  # a comment
            return
        lang = element.get("lang")
        if lang is not None and lang.lower() != region.language:
            region = Region(lang.lower())
            found.append(region)
        if element.tag in SILENT:
            return
        if element.tag == "head":  # of the head only its title is shown
            title = Region(region.language, also=unmarkable_fallback(region.language))
            title.texts += [(t.text, describe(t)) for t in element.iter("title") if t.text]
            found.append(title)
            return
        texts = [element.get(name) for name in SPOKEN_ATTRIBUTES if element.get(name)]
        kind = element.get("type")
        if element.tag == "input" and element.get("value") and (kind in BUTTONS or kind in TYPED):
            texts.append(element.get("value"))
        texts += [element.text] if element.text else []
        texts += [child.tail for child in element if isinstance(child.tag, str) and child.tail]
        if any(text.strip() for text in texts):
            where = describe(element)
            region.texts += [(text, where) for text in texts]
        for child in element:
            walk(child, region)

    walk(root, found[0])
    return found


def unmarkable_fallback(language: str) -> str:
    """The language whose texts a page in ``language`` shows where no lang
    attribute can stand: its fallback's, when it has no catalog of its own
    (the site's MASTHEAD_UI_FALLBACKS above); "" when its texts are its own."""
    return WITHOUT_CATALOG.get(language, "")


def nearest_language(element) -> str:
    for node in (element, *element.iterancestors()):
        if node.get("lang") is not None:
            return node.get("lang")
    return ""


def foreign_texts(root) -> list[str]:
    """Every text on the page of another language than the element it
    stands in says, as "what (where it comes from) in <element>"."""
    return [problem for region in regions(root) for problem in foreign_in(region)]


def foreign_in(region: Region) -> list[str]:
    """The texts of another language than ``region``'s in it: a whole text
    of an element that is one, or a run of words within a text."""
    found = _found(vocabulary(region.language), region.texts)
    if region.also:
        # Foreign only when foreign to the second language too.
        also = {(f.text, where) for f, where in _found(vocabulary(region.also), region.texts)}
        found = {(f, where) for f, where in found if (f.text, where) in also}
    return sorted(
        f"{foreign} in {where} (lang {region.language or 'none'})" for foreign, where in found
    )


def _found(known: Vocabulary, texts: list[tuple[str, str]]) -> set[tuple[Foreign, str]]:
    found: set[tuple[Foreign, str]] = set()
    for text, where in texts:
        sequence = words(text)
        whole = known.whole.get(" ".join(sequence))
        if whole is not None:
            found.add((whole, where))
            continue
        # A text of a catalog stands in one text of the page (markup and
        # placeholders are where pieces() split it); the longest runs only.
        matches = [
            (i, i + len(run), foreign)
            for i, word in enumerate(sequence)
            for run, foreign in known.parts.get(word, ())
            if sequence[i : i + len(run)] == run
        ]
        found |= {
            (foreign, where)
            for i, j, foreign in matches
            if not any(a <= i and j <= b and (a, b) != (i, j) for a, b, _ in matches)
        }
    return found


# -- Times ------------------------------------------------------------------------------

# Babel's threshold: from 0.85 of an hour a time reads as "1 hour ago";
# before that a page gives the clock time it happened (lib/dates.py).
CLOCK_BELOW = timedelta(hours=0.85)


def babel_long(value: datetime, locale: Locale) -> str:
    """A long date with a short time, joined by CLDR's pattern for long
    dates: "10. März 2026, 11:40"."""
    return str(get_datetime_format("long", locale=locale)).format(
        format_time(value, "short", tzinfo=value.tzinfo, locale=locale),
        format_date(value.date(), "long", locale=locale),
    )


def time_problems(root, now: datetime) -> tuple[int, list[str]]:
    """How many <time> elements the page has, and each whose text (or
    title) is not what Babel gives for its datetime in the language it
    stands in, at ``now``."""
    zone = ZoneInfo(settings.TIME_ZONE)
    problems, times = [], root.findall(".//time")
    for element in times:
        value = datetime.fromisoformat(element.get("datetime"))
        language = nearest_language(element)
        locale = Locale.parse(language, sep="-")
        local = value.astimezone(zone)
        shown = element.text_content()
        if element.get("data-reltime") is not None:
            if now - value < CLOCK_BELOW:
                expected = {format_time(local, "short", tzinfo=zone, locale=locale)}
            else:
                expected = {format_timedelta(value - now, add_direction=True, locale=locale)}
            if element.get("title") != babel_long(local, locale):
                problems.append(
                    f"<time datetime={element.get('datetime')}> title {element.get('title')!r}"
                    f", Babel ({language}): {babel_long(local, locale)!r}"
                )
        else:
            expected = {babel_long(local, locale), format_date(local, "long", locale=locale)}
        if shown not in expected:
            problems.append(
                f"<time datetime={element.get('datetime')}> says {shown!r}, Babel ({language}) "
                f"{' or '.join(map(repr, sorted(expected)))}"
            )
    return len(times), problems


STRONG = {"L": "ltr", "R": "rtl", "AL": "rtl"}  # Unicode's strong directions


def direction_problems(root) -> list[str]:
    """Elements whose language runs the other way than the text around
    them and that do not say so (dir): an English text on a Hebrew page
    laid out right to left. Links and options that name a language in
    itself (the language switcher, the desk's menu) are left out."""
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.get("lang") in (None, ""):
            continue
        if element.get("hreflang") is not None or element.tag == "option":
            continue
        runs = next(
            (n.get("dir") for n in (element, *element.iterancestors()) if n.get("dir")), "ltr"
        )
        if runs == "auto":  # the direction of its first strong letter
            strong = (STRONG.get(bidirectional(c)) for c in element.text_content())
            runs = next((d for d in strong if d), "ltr")
        if runs != direction(element.get("lang")):
            problems.append(
                f"{describe(element)} lang={element.get('lang')} runs {runs}"
                f", {element.get('lang')} is {direction(element.get('lang'))}"
            )
    return problems


def direction(code: str) -> str:
    """The direction CLDR gives a language."""
    order = Locale.parse(code, sep="-").character_order
    return "rtl" if order == "right-to-left" else "ltr"
