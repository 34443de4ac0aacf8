# Builds the composed English development set (texts written for Marsad; fictional reports).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from composed import ComposedSet  # noqa: E402

P = {
 "Ben Gardane": ("Ben Gardane", "TN", 33.138, 11.22, "point"),
 "Sirte": ("Sirte", "LY", 31.21, 16.59, "point"),
 "Aleppo": ("Aleppo", "SY", 36.2, 37.16, "point"),
 "Aden": ("Aden", "YE", 12.8, 45.03, "point"),
 "Taiz": ("Taiz", "YE", 13.58, 44.02, "point"),
 "Ubari": ("Ubari", "LY", 26.59, 12.78, "point"),
 "Tripoli": ("Tripoli", "LY", 32.89, 13.19, "point"),
 "Kasserine": ("Kasserine", "TN", 35.168, 8.837, "point"),
 "Sidi Bouzid": ("Sidi Bouzid", "TN", 35.04, 9.48, "admin1"),
 "TN-LY border": ("Tunisia–Libya border", "TN", 32.0, 10.9, "region"),
 "Dehiba": ("Dehiba", "TN", 32.02, 10.7, "point"),
 "Algeria": ("Algeria", "DZ", 28.0, 2.6, "country"),
 "EG-LY border": ("Egypt–Libya border", "EG", 30.5, 25.0, "region"),
 "Egypt": ("Egypt", "EG", 26.8, 30.8, "country"),
 "Gaza": ("Gaza", "PS", 31.5, 34.47, "point"),
 "Zawiya": ("Zawiya", "LY", 32.76, 12.73, "point"),
 "DZ-LY border": ("Algeria–Libya border", "DZ", 28.0, 9.8, "region"),
 "Gao": ("Gao", "ML", 16.27, -0.04, "point"),
 "Kidal": ("Kidal", "ML", 18.44, 1.41, "point"),
 "North Sinai": ("North Sinai", "EG", 30.6, 33.6, "admin1"),
 "Sheikh Zuweid": ("Sheikh Zuweid", "EG", 31.21, 34.11, "point"),
 "Mosul": ("Mosul", "IQ", 36.34, 43.13, "point"),
 "Syria": ("Syria", "SY", 35.0, 38.5, "country"),
}
S = ComposedSet(P)
place, day, rng, art, ev = S.place, S.day, S.rng, S.art, S.ev

art("en-bengardane", "2016-03-08", "Militants and security forces clash in Ben Gardane",
    "Tunisian security forces clashed with Islamic State militants in Ben Gardane on Monday, killing 21 militants, the Interior Ministry said. "
    "Seven civilians were killed by the attackers, according to the ministry. "
    "Authorities imposed a curfew in the town on Monday night.")
ev("en-bengardane", "battles", "armed_clash", ["Police Forces of Tunisia", "Tunisian security forces", "Tunisia"], ["Islamic State"], "Ben Gardane", day("2016-03-07"),
   {"fatalities": 21}, ["confirmed", "reported"], ["Interior Ministry"], "Tunisian security forces clashed with Islamic State militants in Ben Gardane on Monday, killing 21 militants")
ev("en-bengardane", "violence_against_civilians", "attack", ["Islamic State", "attackers", "the attackers"], ["Civilians"], "Ben Gardane", day("2016-03-07"),
   {"fatalities": 7}, ["confirmed", "reported"], ["Interior Ministry", "the ministry"], "Seven civilians were killed by the attackers")
ev("en-bengardane", "x_security_measure", "alert_or_patrol", ["Tunisia", "Authorities", "Government of Tunisia"], [], "Ben Gardane", day("2016-03-07"),
   None, "confirmed", [], "Authorities imposed a curfew in the town on Monday night")

art("en-sirte", "2016-08-02", "US strikes in Sirte",
    "U.S. aircraft carried out air strikes on Islamic State positions in Sirte yesterday, the Pentagon said. "
    "Libyan forces loyal to the Government of National Accord later recaptured a district in the east of Sirte, a spokesman told Reuters.")
ev("en-sirte", "explosions_remote_violence", "air_drone_strike", ["Military Forces of the United States", "United States", "U.S. aircraft"], ["Islamic State"], "Sirte",
   day("2016-08-01"), None, ["confirmed", "reported"], ["Pentagon", "the Pentagon"], "U.S. aircraft carried out air strikes on Islamic State positions in Sirte yesterday")
ev("en-sirte", "battles", "government_regains_territory", ["Government of National Accord", "Military Forces of Libya", "Libyan forces"], ["Islamic State"], "Sirte",
   rng("2016-08-01", "2016-08-02"), None, ["reported", "confirmed"], ["a spokesman", "spokesman", "Reuters"], "Libyan forces loyal to the Government of National Accord later recaptured a district in the east of Sirte")

art("en-aleppo", "2016-10-20", "Shelling and air strikes in Aleppo",
    "Rebel shelling killed at least 12 people in government-held western Aleppo on Wednesday, state media reported. "
    "The Syrian Observatory for Human Rights said Russian warplanes struck rebel-held districts of the city overnight, but the reports could not be independently verified. "
    "No clashes were reported in Idlib.")
ev("en-aleppo", "explosions_remote_violence", "shelling_artillery_missile_attack", ["Syrian opposition", "rebels", "Rebel"], [], "Aleppo", day("2016-10-19"),
   {"fatalities": 12}, "reported", ["state media"], "Rebel shelling killed at least 12 people in government-held western Aleppo on Wednesday")
ev("en-aleppo", "explosions_remote_violence", "air_drone_strike", ["Military Forces of Russia", "Russia", "Russian warplanes"], [], "Aleppo", rng("2016-10-19", "2016-10-20"),
   None, ["unconfirmed", "reported"], ["Syrian Observatory for Human Rights"], "Russian warplanes struck rebel-held districts of the city overnight")

art("en-aden", "2016-12-18", "Suicide bombing at Aden base",
    "A suicide bomber blew himself up among soldiers queuing for their salaries at a base in Aden on Sunday, killing 48 soldiers, Yemeni officials said. "
    "Islamic State claimed responsibility for the bombing in a statement. "
    "Two days ago, Houthi rebels shelled residential areas of Taiz, witnesses said.")
ev("en-aden", "explosions_remote_violence", "suicide_bomb", ["Islamic State"], ["Military Forces of Yemen", "soldiers"], "Aden", day("2016-12-18"),
   {"fatalities": 48}, ["confirmed", "reported"], ["Yemeni officials"], "A suicide bomber blew himself up among soldiers queuing for their salaries at a base in Aden on Sunday, killing 48 soldiers")
ev("en-aden", "explosions_remote_violence", "shelling_artillery_missile_attack", ["Houthis"], [], "Taiz", day("2016-12-16"),
   None, "reported", ["witnesses"], "Houthi rebels shelled residential areas of Taiz")

art("en-ubari", "2017-01-10", "Engineers kidnapped; cell dismantled in Tripoli",
    "Gunmen kidnapped two Italian engineers near Ubari last week, the Italian foreign ministry said on Tuesday. "
    "Police in Tripoli arrested five suspected members of an Islamic State cell on Monday, the Interior Ministry said. "
    "The group had been planning attacks on the capital, it added.")
ev("en-ubari", "violence_against_civilians", "abduction_forced_disappearance", ["Gunmen", "Unidentified armed group"], [], "Ubari", rng("2017-01-02", "2017-01-08", "week"),
   None, ["reported", "confirmed"], ["Italian foreign ministry"], "Gunmen kidnapped two Italian engineers near Ubari")
ev("en-ubari", "strategic_developments", "arrests", ["Police Forces of Libya", "Police"], ["Islamic State"], "Tripoli", day("2017-01-09"),
   {"arrests": 5}, ["confirmed", "reported"], ["Interior Ministry"], "Police in Tripoli arrested five suspected members of an Islamic State cell on Monday")

art("en-kasserine", "2016-01-22", "Jobless protests spread",
    "Hundreds of unemployed graduates protested in Kasserine on Thursday, demanding jobs. "
    "Police fired tear gas to disperse the protesters outside the governor's office, witnesses said. "
    "In Sidi Bouzid, protesters set fire to a police station.")
ev("en-kasserine", "protests", "peaceful_protest", ["Protesters", "unemployed graduates"], [], "Kasserine", day("2016-01-21"),
   None, "confirmed", [], "Hundreds of unemployed graduates protested in Kasserine on Thursday")
ev("en-kasserine", "protests", "protest_with_intervention", ["Protesters"], ["Police Forces of Tunisia", "Police"], "Kasserine", day("2016-01-21"),
   None, "reported", ["witnesses"], "Police fired tear gas to disperse the protesters")
ev("en-kasserine", "riots", "violent_demonstration", ["Protesters"], [], "Sidi Bouzid", None,
   None, "confirmed", [], "protesters set fire to a police station")

art("en-border", "2016-02-10", "Tunisia finishes Libya barrier",
    "Tunisia has completed a 200-kilometre barrier along its border with Libya to stop militants crossing, Defence Minister Farhat Horchani said on Saturday. "
    "The army also stepped up patrols near Dehiba. "
    "Algeria plans to buy 14 attack helicopters from Russia, according to Algerian media.")
ev("en-border", "x_security_measure", "border_fortification", ["Tunisia", "Military Forces of Tunisia", "Government of Tunisia"], [], "TN-LY border", None,
   None, "confirmed", ["Farhat Horchani"], "Tunisia has completed a 200-kilometre barrier along its border with Libya")
ev("en-border", "x_security_measure", "alert_or_patrol", ["Military Forces of Tunisia", "army", "The army"], [], "Dehiba", None,
   None, "confirmed", [], "The army also stepped up patrols near Dehiba")
ev("en-border", "x_security_measure", "procurement", ["Algeria", "Government of Algeria", "Military Forces of Algeria"], [], "Algeria", None,
   {"aircraft": 14}, "planned", ["Algerian media"], "Algeria plans to buy 14 attack helicopters from Russia")

art("en-desert", "2016-06-15", "Fighters flee Sirte",
    "Dozens of Islamic State fighters fled Sirte towards the southern desert on Tuesday, residents said. "
    "Egypt deployed additional troops to its western border with Libya earlier this month.")
ev("en-desert", "x_movement", "relocation", ["Islamic State"], [], "Sirte", day("2016-06-14"),
   None, "reported", ["residents"], "Dozens of Islamic State fighters fled Sirte towards the southern desert on Tuesday", origin="Sirte")
ev("en-desert", "x_movement", "deployment", ["Egypt", "Military Forces of Egypt"], [], "EG-LY border", rng("2016-06-01", "2016-06-15"),
   None, "confirmed", [], "Egypt deployed additional troops to its western border with Libya earlier this month")

art("en-threat", "2017-03-02", "Threat video and a denial",
    "Islamic State threatened to attack Christians in Egypt in a video released on Sunday. "
    "The group said it would carry out more attacks. "
    "Hamas denied that its fighters had fired rockets from Gaza on Monday.")
ev("en-threat", "x_threat", "threat", ["Islamic State"], [], "Egypt", day("2017-02-26"),
   None, "confirmed", [], "Islamic State threatened to attack Christians in Egypt")
ev("en-threat", "explosions_remote_violence", "shelling_artillery_missile_attack", ["Hamas"], [], "Gaza", day("2017-02-27"),
   None, "denied", [], "its fighters had fired rockets from Gaza on Monday")

art("en-zawiya", "2016-11-05", "Truce in Zawiya; missiles seized",
    "Rival armed groups in Zawiya signed a ceasefire agreement on Friday after three days of fighting, a local council official said. "
    "Separately, Algerian troops seized a cache of weapons including 17 anti-aircraft missiles near the border with Libya, the defence ministry announced.")
ev("en-zawiya", "strategic_developments", "agreement", ["armed groups", "Rival armed groups", "Unidentified armed group"], [], "Zawiya", day("2016-11-04"),
   None, "reported", ["local council official"], "Rival armed groups in Zawiya signed a ceasefire agreement on Friday")
ev("en-zawiya", "battles", "armed_clash", ["armed groups", "Rival armed groups", "Unidentified armed group"], [], "Zawiya", rng("2016-11-01", "2016-11-04"),
   None, "reported", ["local council official"], "three days of fighting")
ev("en-zawiya", "strategic_developments", "disrupted_weapons_use", ["Military Forces of Algeria", "Algerian troops"], [], "DZ-LY border", None,
   {"weapons": 17}, "confirmed", ["defence ministry"], "Algerian troops seized a cache of weapons including 17 anti-aircraft missiles near the border with Libya")

art("en-mali", "2017-05-08", "Convoy ambushed near Gao",
    "Suspected jihadists ambushed a Malian army convoy near Gao on Sunday, killing four soldiers, the army said. "
    "A roadside bomb exploded near Kidal two days ago, but no one was hurt, a UN source said. "
    "French forces may launch a new operation in the region, a military source said.")
ev("en-mali", "battles", "armed_clash", ["jihadists", "Suspected jihadists", "Unidentified armed group"], ["Military Forces of Mali"], "Gao", day("2017-05-07"),
   {"fatalities": 4}, ["speculative", "reported"], ["army"], "Suspected jihadists ambushed a Malian army convoy near Gao on Sunday, killing four soldiers")
ev("en-mali", "explosions_remote_violence", "remote_explosive_landmine_ied", [], [], "Kidal", day("2017-05-06"),
   None, "reported", ["UN source"], "A roadside bomb exploded near Kidal two days ago")

art("en-sinai", "2017-07-09", "Checkpoint attack in North Sinai",
    "Militants attacked a checkpoint in North Sinai on Friday, killing 23 Egyptian soldiers, the army said. "
    "The army said its aircraft later struck militant hideouts south of Sheikh Zuweid, killing 40 militants.")
ev("en-sinai", "battles", "armed_clash", ["Militants", "Unidentified armed group"], ["Military Forces of Egypt"], "North Sinai", day("2017-07-07"),
   {"fatalities": 23}, "reported", ["army"], "Militants attacked a checkpoint in North Sinai on Friday, killing 23 Egyptian soldiers")
ev("en-sinai", "explosions_remote_violence", "air_drone_strike", ["Military Forces of Egypt", "army", "The army"], ["Militants", "Unidentified armed group"], "Sheikh Zuweid",
   rng("2017-07-07", "2017-07-09"), {"fatalities": 40}, "confirmed", ["army"], "its aircraft later struck militant hideouts south of Sheikh Zuweid, killing 40 militants")

art("en-mosul", "2017-06-30", "Mosul mosque retaken",
    "Iraqi forces retook the al-Nuri mosque in Mosul from Islamic State on Thursday, the military said. "
    "Unconfirmed reports said dozens of Islamic State fighters fled to Syria.")
ev("en-mosul", "battles", "government_regains_territory", ["Military Forces of Iraq", "Iraqi forces"], ["Islamic State"], "Mosul", day("2017-06-29"),
   None, "confirmed", ["military"], "Iraqi forces retook the al-Nuri mosque in Mosul from Islamic State on Thursday")
ev("en-mosul", "x_movement", "relocation", ["Islamic State"], [], "Syria", None,
   None, "unconfirmed", [], "dozens of Islamic State fighters fled to Syria")

S.write(__file__)
