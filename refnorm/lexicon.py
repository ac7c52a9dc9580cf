"""Small word lists the tagger leans on: publishing places and publisher words.

Kept in one place so they can grow without touching the parsing logic.
"""

from __future__ import annotations

import re

__all__ = [
    "CONFERENCE",
    "INSTITUTION",
    "JOURNAL_ABBREVIATIONS",
    "JOURNAL_WORDS",
    "NOT_YET_PUBLISHED",
    "PERIODICAL_ANY_CASE",
    "PLACE",
    "PLACE_INITIALS",
    "PUBLISHER_WORDS",
    "REPORT",
    "REPORT_CUES",
    "THESIS",
    "THESIS_CUES",
    "is_place",
    "is_region",
    "mentions",
]

_PLACES = """
Amsterdam Ann_Arbor Athens Baltimore Barcelona Basel Beijing Berkeley Berlin Bern Bologna Bonn Boston
Boulder Bruxelles Brussels Budapest Buenos_Aires Cambridge Chicago Chichester Copenhagen Darmstadt Dordrecht
Dresden Düsseldorf Edinburgh Firenze Florence Frankfurt Freiburg Geneva Genève Glasgow Göttingen Graz
Hamburg Hannover Heidelberg Helsinki Hoboken Hong_Kong Innsbruck Ithaca Jena Kiel Köln Cologne Kraków Leiden
Leipzig Lisboa Lisbon London Los_Angeles Louvain Lyon Madrid Mainz Manchester Marburg Melbourne Mexico
Milano Milan Montréal Montreal Moscow Moskva Москва München Munich Münster Napoli Naples New_Delhi New_Haven
New_York Norwood Nürnberg Oslo Ottawa Oxford Padova Paris Philadelphia Pisa Prague Praha Princeton
Rio_de_Janeiro Roma Rome Rotterdam Salzburg San_Diego San_Francisco Santiago São_Paulo Sao_Paulo Singapore
St._Petersburg Stockholm Stuttgart Sydney Tokyo Toronto Torino Turin Tübingen Upper_Saddle_River Utrecht
Valencia Vancouver Venezia Venice Warsaw Warszawa Washington Wien Vienna Wiesbaden Würzburg Zürich Zurich
Thousand_Oaks Newbury_Park Westport Malden Amherst Austin Cincinnati Lincoln Minneapolis Nashville Norman
Pittsburgh Seattle Stanford Urbana Bloomington Durham Evanston Madison Baton_Rouge Chapel_Hill Columbus
Berlin/New_York Heidelberg/Berlin Santa_Barbara Lanham Mahwah Hillsdale Totowa Englewood_Cliffs Reading
Harmondsworth Houndmills Houndsmills Basingstoke Aldershot Abingdon Cheltenham Newcastle Bristol Leeds
Sheffield Nottingham Brighton Dublin Cork Belfast Lausanne Neuchâtel Bordeaux Lille Marseille Toulouse
Strasbourg Grenoble Nantes Rennes Montpellier Nancy Québec Quebec Quito Lima Bogotá Caracas Granada Sevilla
Salamanca Zaragoza Coimbra Porto Bergen Uppsala Lund Aarhus Groningen Nijmegen Gent Ghent Leuven Antwerpen
Antwerp Kyiv Kiev Warsaw Wrocław Poznań Bratislava Ljubljana Zagreb Beograd Belgrade Sofia Bucharest
București Istanbul Ankara Tehran Cairo Jerusalem Tel_Aviv Delhi Mumbai Bombay Calcutta Kolkata Chennai
Madras Bangalore Karachi Lahore Dhaka Jakarta Manila Bangkok Kuala_Lumpur Seoul Taipei Shanghai Nairobi
Johannesburg Cape_Town Pretoria Auckland Wellington Canberra Brisbane Perth Adelaide College_Station
College_Park
Luzern Lucerne Linz Fribourg Bielefeld Weinheim Opladen Kassel Bremen Potsdam Regensburg Bamberg Konstanz
Trier Rostock Dortmund Bochum Paderborn Osnabrück Oldenburg Erlangen Augsburg Passau Baden-Baden
Frankfurt_am_Main Rouen Caen Dijon Poitiers Besançon Liège Namur Bari
"""
PLACE_NAMES = frozenset(p.replace("_", " ") for p in _PLACES.split())
PLACE = "|".join(sorted((re.escape(p) for p in PLACE_NAMES), key=len, reverse=True))
# the first letters of the places, for a "(?=[…])" that spares trying every name at every position
PLACE_INITIALS = "".join(sorted({re.escape(p[0]) for p in PLACE_NAMES}))
# "Boston, MA", "Cambridge, Mass.", "London [etc.]": one pattern per first letter, so that a text is tried
# against the few places it can be, not against every name in turn
_PLACE_BY_INITIAL = {
    initial: re.compile(
        "(?:"
        + "|".join(sorted((re.escape(p) for p in PLACE_NAMES if p[0] == initial), key=len, reverse=True))
        + r")(?:,?\s+(?:[A-Z]{2}|[A-Z][a-z]{1,5}\.))?$"
    )
    for initial in {p[0] for p in PLACE_NAMES}
}

# After the \b, the first letters of the words below: lets a search pass other words cheaply.
PUBLISHER_WORDS = re.compile(
    r"\b(?=[A-ZÉИНd])(?:Press|Verlag|Verlags\w*|Publish\w*|Publications?|Pub\.?|Books|Editions?|Éditions|Editora|Editorial|"
    r"Edizioni|Ediciones|Wiley|Springer|Elsevier|Routledge|Macmillan|Penguin|Harper\w*|Blackwell|Academic|Sage|"
    r"CRC|McGraw[- ]Hill|Norton|Houghton|Knopf|Random\s+House|Basic|Kluwer|Pergamon|Taylor\s*&\s*Francis|"
    r"University|Universitaires?|Universitaria|Inc\.?|Ltd\.?|Co\.?|GmbH|Gallimard|Seuil|Suhrkamp|Beck|Hanser|"
    r"Brill|Mouton|Benjamins|Fayard|Flammarion|PUF|Harmattan|Karthala|Payot|Plon|Minuit|Hachette|Armand\s+Colin|"
    r"Dunod|Einaudi|Laterza|Mulino|Feltrinelli|Mondadori|Paidós|Akal|Cátedra|Alianza|Tecnos|Crítica|Anagrama|"
    r"Vintage|Bantam|Doubleday|Scribner|Viking|Picador|Faber|Granta|Verso|Polity|Palgrave|Ashgate|Greenwood|"
    r"Praeger|Longman|Pearson|Prentice|Addison|Thieme|Karger|Hogrefe|Kohlhammer|Klett|Cornelsen|Rowohlt|Fischer|"
    r"dtv|Vandenhoeck|Mohr|Siebeck|Nomos|Campus|Leske|Budrich|VS|Westdeutscher|Duncker|Humblot|Boréal|"
    r"Наука|Издательство|Изд-во|Institut[eo]?|Society|Association|Council|Agency|Office|Ministry|Organi[sz]ation|"
    r"Foundation|Commission|Committee|Survey|Hall|House|Verlagsgruppe|Company|Kaufmann|Wesley|O'Reilly|Labs?|"
    r"Laborator(?:y|ies)|Clarendon|Blackwell|Heinemann|Longmans?|Allen|Unwin|Methuen|Hutchinson|Dover|Sinauer|"
    r"Freeman|Saunders|Mosby|Lippincott|Wilkins|Churchill|Livingstone|Eerdmans|Zondervan|Erlbaum|Jossey-Bass|"
    r"Nijhoff|Gruyter|Reidel|Rodopi|Beltz|Klinkhardt|Luchterhand|Masson|Westview|Guilford|Harcourt|Wadsworth|"
    r"Cengage|Bloomsbury|Birkhäuser|Vieweg|Teubner|Oldenbourg|Wallstein|Schöningh|Juventa|Waxmann|Zanichelli|"
    r"Carocci|Boringhieri|Garzanti|Bompiani|Rizzoli|Vrin|Dalloz|Maloine|Érès|Trotta|Síntesis|Pirámide|Morata|"
    r"Hodder|Earthscan)\b"
)


def is_place(text: str) -> bool:
    """A known publishing place, optionally with a state/country abbreviation ("Boston, MA")."""
    text = text.strip(" .,;")
    places = _PLACE_BY_INITIAL.get(text[:1])
    return places is not None and places.match(text) is not None


# What follows a place after a comma: a US state or Canadian province (postal code, old abbreviation or
# name), an English county or a country. It tells a place the list above lacks: "Sebastopol, CA",
# "Chambery, France"; and that "Farnham, Surrey" is all place.
_REGIONS = """
AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH
OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ON QC BC AB MB NS NB SK NSW Vic Qld Oxon
Ala Ariz Ark Calif Cal Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nebr
Nev Okla Ore Oreg Pa Penn Tenn Tex Vt Va Wash Wis Wisc Wyo Ont Que N.H N.J N.M N.Y N.C N.D R.I S.C S.D
W.Va D.C D._C
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina
North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas
Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming Ontario Quebec Québec British_Columbia
Alberta Manitoba Nova_Scotia New_South_Wales Victoria Queensland Western_Australia South_Australia Tasmania
USA U.S.A US U.S UK U.K England Scotland Wales Ireland Northern_Ireland Germany Deutschland France Italy
Italia Spain España Portugal Netherlands The_Netherlands Nederland Belgium Belgique Switzerland Schweiz
Suisse Austria Österreich Denmark Sweden Norway Finland Iceland Poland Polska Czech_Republic Czechia
Slovakia Hungary Romania Bulgaria Greece Turkey Russia Ukraine Croatia Serbia Slovenia Estonia Latvia
Lithuania Israel Egypt Nigeria Kenya Ghana South_Africa India Pakistan Bangladesh Sri_Lanka China
P.R._China Japan Korea South_Korea Taiwan Thailand Vietnam Malaysia Indonesia Philippines The_Philippines
Singapore Australia New_Zealand Canada Mexico México Brazil Brasil Argentina Chile Colombia Peru Venezuela
Cuba Iran Iraq Lebanon Jordan Saudi_Arabia Morocco Tunisia Algeria Ethiopia Tanzania Uganda
Middlesex Surrey Sussex West_Sussex East_Sussex Kent Essex Hampshire Hants Berkshire Berks Bucks
Buckinghamshire Oxfordshire Herts Hertfordshire Cambridgeshire Cambs Yorkshire Lancashire Devon Cornwall
Norfolk Suffolk Cheshire Wiltshire Dorset Somerset Gloucestershire Warwickshire Staffordshire Derbyshire
Cumbria Northumberland
United_Kingdom United_States United_States_of_America Great_Britain Britain Luxembourg Monaco Liechtenstein
Allemagne Angleterre Royaume-Uni États-Unis Etats-Unis Italie Espagne Pologne Autriche Pays-Bas Grèce Russie
Chine Japon Canada Brésil Mexique Argentine Algérie Maroc Tunisie Sénégal Liban Egypte Égypte
Frankreich Italien Spanien Polen Niederlande Russland Ungarn Schweden England Großbritannien Tschechien
Francia Alemania Inglaterra Suiza Italia Polonia Brasil Perú
"""
REGION_NAMES = frozenset(r.replace("_", " ") for r in _REGIONS.split())


def is_region(text: str) -> bool:
    """A US state, Canadian province or country as it follows a place: "CA", "Calif.", "N.J.", "France"."""
    return text.strip(" .") in REGION_NAMES


THESIS = re.compile(
    r"(?=[pdmbth])"  # the first letters of every branch (case-insensitive): a cheap skip
    r"(?:\b(?:Ph\.?\s?D\.?|Doctoral|Master'?s?|M\.?A\.?|M\.?Sc\.?|MSc|Diploma|Bachelor'?s?)\s*(?:thesis|dissertation|diss\.)|"
    r"\b(?:thesis|dissertation|Dissertation|Diss\.|Doktorarbeit|Habilitationsschrift|thèse|tesis|tese)\b)",
    re.IGNORECASE,
)
# Not published yet, in the languages the lists use: the date of a "(in press)" reference, the status of
# "Journal, forthcoming". One alternation for every pattern that needs it (use with re.IGNORECASE).
NOT_YET_PUBLISHED = (
    r"in\s+press|in\s+prep(?:aration|\.)?|forthcoming|to\s+appear|im\s+Druck|sous\s+presse|en\s+prensa"
)

REPORT = re.compile(
    r"(?=[trwdpfaib])"  # the first letters of every branch (case-insensitive): a cheap skip
    r"(?:\b(?:Technical|Tech\.?|Research|Working|Discussion|Policy|Final|Annual|Internal)\s+(?:Rep(?:ort)?\.?|Paper|Note|Memorandum)\b|"
    r"\b(?:Report|Rapport|Bericht)\s+(?:No|Nr|Number|#)\.?|\bTR[-\s]?\d|\bWorking\s+Paper\b|\bArbeitspapier\b)",
    re.IGNORECASE,
)
CONFERENCE = re.compile(
    r"\b(?=[ACEIKMNPSTUW])"  # the first letters of the words below: see PUBLISHER_WORDS
    r"(?:Proc(?:eedings|\.)?|Conference|Conf\.|Symposium|Symp\.|Workshop|Congress|Colloquium|Meeting|Kongress|"
    r"Tagung|Actes|Summit|ICML|NeurIPS|NIPS|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|SIGIR|KDD|ICLR|ISMIR|ICASSP|"
    r"INTERSPEECH|CHI|UIST|WWW|SIGGRAPH)\b"
)

# the body that issues a report or grants a degree: "Computer Science Department, Widget University"
INSTITUTION = re.compile(
    r"\b(?=[UCIDSLFPH])(?:Univ(?:ersit\w*|\.|\b)|College|Institut\w*|Department|Dept\b\.?|School|Laborator\w*|"
    r"Cent(?:er|re)|Division|Faculty|Polytechnic|Politecnico|Hochschule)\b"
)

# The unmistakable periodical nouns in any case ("Personality and social psychology bulletin",
# "Annales d'histoire"), where JOURNAL_WORDS needs capitals to tell "Trans." from "trans."
PERIODICAL_ANY_CASE = re.compile(
    r"\b(?:journal|review|bulletin|quarterly|annals|annales|letters|proceedings|magazine|newsletter|transactions|"
    r"revue|rivista|revista|zeitschrift|cahiers|bollettino|jahrbuch|tijdschrift)\b",
    re.IGNORECASE,
)

# Words that mark a periodical: a container holding one is a journal even when no volume was found.
JOURNAL_WORDS = re.compile(
    r"\b(?=[ABCFGHIJLMNOPQRSTVWZВЖИ])"  # the first letters of the words below: see PUBLISHER_WORDS
    r"(?:J|Jour|Journal|Review|Rev|Quarterly|Annals?|Ann|Bulletin|Bull|Transactions|Trans|Letters?|Lett|"
    r"Magazine|Mag|Times|News|Newsletter|Gazette|Zeitschrift|Zs|Revue|Revista|Rivista|Tijdschrift|Tidsskrift|"
    r"Archives?|Arch|Acta|Studies|Research|Science|Sciences|Sci|Nature|Medicine|Med|Clinical|Clin|Today|Weekly|"
    r"Monthly|Forum|Cahiers|Bollettino|Jahrbuch|Blätter|Mitteilungen|Berichte|Vestnik|Вестник|Журнал|Известия|"
    r"Advances|Reports|Communications|Opinion|Insight|Perspectives|Post|Tribune|Herald|Guardian|Chronicle)\b"
)

# Substrings one of THESIS / REPORT needs: tested first, since most references have neither.
# Words of abbreviated journal names (ISO 4 style, without their stops): "J Appl Phys", "Am J Med"
JOURNAL_ABBREVIATIONS = frozenset(
    """J Jpn Am Ann Acad Adv Appl Astron Astrophys Biochem Biol Bull Chem Clin Comput Ecol Econ Eng Environ
    Eur Exp Geophys Int Lett Mater Math Mech Med Mol Natl Neurosci Nucl Opt Pharm Phys Proc Psychol Res Rev
    Sci Soc Stat Technol Trans Zool Bot Genet Microbiol Immunol Oncol Surg Cardiol""".split()  # noqa: SIM905
)

THESIS_CUES = (
    "thes",
    "diss",
    "doktor",
    "habil",
    "tesis",
    "tese",
    "ph",
    "master",
    "bachelor",
    "diplom",
    "m.a",
    "msc",
)
REPORT_CUES = ("rep", "paper", "note", "memo", "rapport", "bericht", "tr", "arbeitspapier")


def mentions(lowered: str, cues: tuple[str, ...]) -> bool:
    for cue in cues:  # noqa: SIM110 - a plain loop: cheaper than any() over a generator; runs often
        if cue in lowered:
            return True
    return False
