# Builds the held-out composed English set: fictional reports written for Marsad AFTER the English rules were
# tuned on english-composed, and scored once without changing anything for them.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from composed import ComposedSet  # noqa: E402

P = {
 "Benghazi": ("Benghazi", "LY", 32.12, 20.07, "point"), "Derna": ("Derna", "LY", 32.76, 22.64, "point"),
 "Arish": ("Arish", "EG", 31.13, 33.8, "point"), "Rafah": ("Rafah", "EG", 31.28, 34.24, "point"),
 "Sanaa": ("Sanaa", "YE", 15.35, 44.21, "point"), "Jazan": ("Jazan", "SA", 16.89, 42.55, "point"),
 "Tunis": ("Tunis", "TN", 36.81, 10.18, "point"), "Tunisia": ("Tunisia", "TN", 34.0, 9.5, "country"),
 "Timbuktu": ("Timbuktu", "ML", 16.77, -3.01, "point"),
}
S = ComposedSet(P)
place, day, rng, art, ev = S.place, S.day, S.rng, S.art, S.ev

art("ho-benghazi", "2016-05-10", "Haftar forces take Benghazi district",
    "Forces loyal to Khalifa Haftar seized the Ganfouda district of Benghazi from Islamist fighters on Sunday after weeks of heavy fighting, a military spokesman said. "
    "At least nine soldiers died in the battle. Haftar's air force also bombed targets in Derna on Monday, residents told AFP.")
ev("ho-benghazi", "battles", "non_state_actor_overtakes_territory", ["Libyan National Army"], ["Islamist fighters", "Islamist factions"], "Benghazi", day("2016-05-08"),
   None, ["confirmed", "reported"], ["military spokesman"], "Forces loyal to Khalifa Haftar seized the Ganfouda district of Benghazi from Islamist fighters on Sunday")
ev("ho-benghazi", "explosions_remote_violence", "air_drone_strike", ["Libyan National Army"], [], "Derna", day("2016-05-09"),
   None, "reported", ["residents"], "Haftar's air force also bombed targets in Derna on Monday")

art("ho-sinai", "2017-02-14", "Teacher killed in El-Arish",
    "Unknown assailants shot dead a Coptic Christian teacher in El-Arish on Monday, security sources said, the third such killing in the city this month. "
    "In a separate incident, an improvised explosive device struck an army vehicle south of Rafah, wounding four conscripts.")
ev("ho-sinai", "violence_against_civilians", "attack", ["Unknown assailants", "Unidentified armed group"], ["Civilians"], "Arish", day("2017-02-13"),
   {"fatalities": 1}, "reported", ["security sources"], "Unknown assailants shot dead a Coptic Christian teacher in El-Arish on Monday")
ev("ho-sinai", "explosions_remote_violence", "remote_explosive_landmine_ied", [], ["Military Forces of Egypt"], "Rafah", None,
   None, ["confirmed", "reported"], [], "an improvised explosive device struck an army vehicle south of Rafah")

art("ho-yemen", "2016-09-20", "Coalition strikes on Sanaa",
    "Saudi-led coalition jets pounded Houthi positions in Sanaa overnight, Houthi-run Saba news agency said, adding that 15 civilians were killed. "
    "The coalition denied targeting civilians. Meanwhile, the Houthis and allied forces fired a ballistic missile at Jazan, the Saudi defence ministry said.")
ev("ho-yemen", "explosions_remote_violence", "air_drone_strike", ["Saudi-led coalition"], ["Houthis"], "Sanaa", rng("2016-09-19", "2016-09-20"),
   {"fatalities": 15}, "reported", ["Saba news agency"], "Saudi-led coalition jets pounded Houthi positions in Sanaa overnight")
ev("ho-yemen", "explosions_remote_violence", "shelling_artillery_missile_attack", ["Houthis"], [], "Jazan", None,
   None, "reported", ["Saudi defence ministry"], "the Houthis and allied forces fired a ballistic missile at Jazan")

art("ho-tunis", "2016-04-04", "Anti-corruption march in Tunis",
    "Several hundred people demonstrated peacefully in central Tunis on Saturday against corruption. "
    "Police arrested a blogger who had called for the protest, his lawyer said. "
    "Tunisia's parliament on Sunday extended the state of emergency for three months.")
ev("ho-tunis", "protests", "peaceful_protest", ["Protesters"], [], "Tunis", day("2016-04-02"),
   None, "confirmed", [], "Several hundred people demonstrated peacefully in central Tunis on Saturday")
ev("ho-tunis", "strategic_developments", "arrests", ["Police Forces of Tunisia", "Police"], [], "Tunis", None,
   None, "reported", ["his lawyer"], "Police arrested a blogger")
ev("ho-tunis", "x_security_measure", "alert_or_patrol", ["Tunisia", "Government of Tunisia"], [], "Tunisia", day("2016-04-03"),
   None, "confirmed", [], "Tunisia's parliament on Sunday extended the state of emergency for three months")

art("ho-timbuktu", "2017-08-21", "UN base attacked in Timbuktu",
    "Militants linked to al-Qaeda stormed a UN base in Timbuktu on Saturday, killing one peacekeeper, the UN mission said. "
    "Malian troops later pushed back the attackers, who fled into the desert. "
    "The army said it would reinforce security around the city.")
ev("ho-timbuktu", "battles", "armed_clash", ["Al-Qaeda", "Militants"], ["UN peacekeepers", "United Nations", "UN"], "Timbuktu", day("2017-08-19"),
   {"fatalities": 1}, "reported", ["UN mission"], "Militants linked to al-Qaeda stormed a UN base in Timbuktu on Saturday, killing one peacekeeper",
   alt=[{"type": "violence_against_civilians", "subtype": "attack"}])
ev("ho-timbuktu", "battles", "armed_clash", ["Military Forces of Mali"], ["Al-Qaeda", "attackers"], "Timbuktu", rng("2017-08-19", "2017-08-21"),
   None, "confirmed", [], "Malian troops later pushed back the attackers")
ev("ho-timbuktu", "x_movement", "relocation", ["Al-Qaeda", "attackers"], [], "Timbuktu", None,
   None, "confirmed", [], "who fled into the desert")
ev("ho-timbuktu", "x_security_measure", "alert_or_patrol", ["Military Forces of Mali"], [], "Timbuktu", None,
   None, "planned", ["army"], "it would reinforce security around the city")

S.write(__file__)
