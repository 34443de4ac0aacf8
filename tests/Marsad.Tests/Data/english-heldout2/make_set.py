# Builds the second held-out composed English set: fictional reports written for Marsad after all tuning on
# english-composed and english-heldout, scored once, with nothing changed for them afterwards.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from composed import ComposedSet  # noqa: E402

P = {
 "Bir al-Abed": ("Bir al-Abed", "EG", 31.02, 33.01, "point"), "Sousse": ("Sousse", "TN", 35.83, 10.64, "point"),
 "Fallujah": ("Fallujah", "IQ", 33.35, 43.78, "point"), "Ben Gardane": ("Ben Gardane", "TN", 33.14, 11.22, "point"),
 "Baghdad": ("Baghdad", "IQ", 33.31, 44.36, "point"), "Ras Lanuf": ("Ras Lanuf", "LY", 30.5, 18.57, "point"),
 "Es Sider": ("Es Sider", "LY", 30.63, 18.35, "point"),
}
S = ComposedSet(P)
place, day, rng, art, ev = S.place, S.day, S.rng, S.art, S.ev

art("h2-mosque", "2017-11-25", "Mosque attack in North Sinai",
    "Gunmen stormed a mosque in Bir al-Abed in North Sinai during Friday prayers, killing at least 235 worshippers, state media said. "
    "Egyptian warplanes later bombed vehicles used by the attackers and destroyed weapons depots, the military said in a statement. "
    "President Abdel Fattah al-Sisi vowed to respond with brute force.")
ev("h2-mosque", "violence_against_civilians", "attack", ["Gunmen", "Unidentified armed group"], ["Civilians", "worshippers"], "Bir al-Abed", day("2017-11-24"),
   {"fatalities": 235}, "reported", ["state media"], "Gunmen stormed a mosque in Bir al-Abed in North Sinai during Friday prayers, killing at least 235 worshippers")
ev("h2-mosque", "explosions_remote_violence", "air_drone_strike", ["Military Forces of Egypt"], ["Gunmen", "attackers", "Unidentified armed group"], None, rng("2017-11-24", "2017-11-25"),
   None, "confirmed", ["military"], "Egyptian warplanes later bombed vehicles used by the attackers")
ev("h2-mosque", "x_threat", "threat", ["Abdel Fattah al-Sisi", "Government of Egypt", "Egypt"], [], None, None,
   None, "confirmed", [], "President Abdel Fattah al-Sisi vowed to respond with brute force")

art("h2-sousse", "2015-06-27", "Beach hotel attack near Sousse",
    "A gunman opened fire on tourists at a beach hotel near Sousse on Friday, killing 38 people, most of them British. "
    "The attacker, a Tunisian student, was shot dead by police. "
    "Prime Minister Habib Essid announced that around 80 mosques operating outside state control would be closed.")
ev("h2-sousse", "violence_against_civilians", "attack", ["gunman", "Unidentified armed group"], ["Civilians", "tourists"], "Sousse", day("2015-06-26"),
   {"fatalities": 38}, "confirmed", [], "A gunman opened fire on tourists at a beach hotel near Sousse on Friday, killing 38 people")

art("h2-fallujah", "2016-06-27", "Fallujah declared liberated",
    "Iraqi commanders declared Fallujah fully liberated on Sunday after a five-week operation against Islamic State. "
    "Hundreds of militants were believed to have been killed. "
    "Thousands of civilians who fled the fighting are sheltering in camps near the city, aid groups said.")
ev("h2-fallujah", "battles", "government_regains_territory", ["Military Forces of Iraq"], ["Islamic State"], "Fallujah", day("2016-06-26"),
   None, "confirmed", [], "Iraqi commanders declared Fallujah fully liberated on Sunday")

art("h2-rasjedir", "2016-03-21", "Border crossing reopens",
    "Tunisia reopened the Ras Jedir border crossing with Libya on Sunday, two weeks after it was closed following the militant assault on Ben Gardane. "
    "Security forces remain on high alert in the area, and a curfew is still in force at night.")
ev("h2-rasjedir", "x_security_measure", "alert_or_patrol", ["Police Forces of Tunisia", "Security forces"], [], "Ben Gardane", None,
   None, "confirmed", [], "Security forces remain on high alert in the area")

art("h2-baghdad", "2018-01-16", "Twin suicide bombing in Baghdad",
    "Two suicide bombers blew themselves up in Baghdad's Tayaran Square on Monday, killing at least 27 people and wounding dozens more, the Interior Ministry said. "
    "No group immediately claimed responsibility, but Islamic State has carried out similar attacks in the past.")
ev("h2-baghdad", "explosions_remote_violence", "suicide_bomb", [], [], "Baghdad", day("2018-01-15"),
   {"fatalities": 27}, ["confirmed", "reported"], ["Interior Ministry"], "Two suicide bombers blew themselves up in Baghdad's Tayaran Square on Monday")

art("h2-oil", "2016-09-12", "Haftar takes oil ports",
    "Forces loyal to Khalifa Haftar took control of the oil ports of Ras Lanuf and Es Sider on Sunday, ousting the Petroleum Facilities Guard. "
    "The unity government condemned the seizure and called for the forces to withdraw.")
for pl in ("Ras Lanuf", "Es Sider"):
    ev("h2-oil", "battles", "non_state_actor_overtakes_territory", ["Libyan National Army"], ["Petroleum Facilities Guard"], pl, day("2016-09-11"),
       None, "confirmed", [], "Forces loyal to Khalifa Haftar took control of the oil ports of Ras Lanuf and Es Sider on Sunday")

S.write(__file__)
