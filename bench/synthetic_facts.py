"""More fact paragraphs per event kind for the synthetic news generator.

Kept apart from the kind definitions (``synthetic_kinds.py``, ``synthetic_kinds_b.py``) only
to keep modules small; ``synthetic.py`` appends them to each kind's facts. A 700-word
article needs a pool of story facts larger than any one outlet uses, so that outlets
differ in what they leave out rather than repeat themselves. Same slot syntax.
"""

from __future__ import annotations

MORE_FACTS: dict[str, tuple[str, ...]] = {
    "warehouse fire": (
        "Forklift drivers on the evening shift told {p4} that a pallet of {w_goods} near the "
        "charging station had been smoking before the alarm went off.",
        "The blaze was declared under control at dawn, but crews from {auth} stayed on "
        "{street} to damp down hot spots inside the shell of the building.",
        "Environmental officers checked the storm drains of {district} for run-off from the "
        "water used to fight the fire.",
    ),
    "flood": (
        "The army sent {n_shelters} lorries and amphibious vehicles to {district}, where the "
        "water had cut off a care home with dozens of elderly residents.",
        "Shopkeepers on {street} piled goods on counters and tables as brown water poured "
        "through doorways, {p4}, {r4}, said.",
        "The {river} is expected to stay above the warning level for several days, and "
        "evacuated families were told not to return before {next_day}.",
    ),
    "port strike": (
        "Supermarket chains in {country} warned of gaps on shelves for imported fruit if the "
        "{union} walkout continued into next week.",
        "Customs officers at {city} said the strike had also slowed the inspection of "
        "containers already unloaded before the walkout.",
        "{org} brought in managers to operate two cranes for medical supplies, which the "
        "{union} called an attempt to break the strike.",
    ),
    "bridge collapse": (
        "A memorial of flowers and candles grew on the riverbank in {district2}, where "
        "families waited for news from the divers.",
        "Engineers closed a second bridge of similar age downstream of {city} after finding "
        "cracks in its supports, {p2}, {r2}, said.",
        "The collapse cut the main road link between {district} and the port, and ferries "
        "were brought in to carry commuters across.",
    ),
    "power outage": (
        "Bakeries in {district2} threw away dough that could not be baked, and "
        "supermarkets emptied freezer cabinets as temperatures rose.",
        "The stock exchange in {city} delayed its opening by an hour while backup systems "
        "were checked, {p3}, {r3}, said.",
        "Police officers directed traffic by hand at major junctions of {district} until "
        "the signals came back on late in the evening.",
    ),
    "oil spill": (
        "Oil reached the beach of {district} on {weekday} afternoon, and lifeguards closed it "
        "to swimmers and surfers.",
        "A salvage tug from {near} attached a line to the {vessel} to stop it drifting "
        "further onto the reef.",
        "Volunteers were trained by the coast guard to clean rocks with absorbent pads, and "
        "{p3}, {r3}, appealed for more helpers.",
    ),
    "earthquake": (
        "Mobile networks around {city} were down for hours, and families used radio "
        "stations to pass messages about missing relatives.",
        "A hospital in {district2} was evacuated after cracks appeared in its walls, and "
        "patients were treated in the car park, {p4}, {r4}, said.",
        "Engineers began inspecting schools, bridges and dams across the province for "
        "damage from the quake.",
    ),
    "disputed election count": (
        "International observers said the vote itself had been orderly but criticised the "
        "slow publication of results from {district}.",
        "Both campaigns hired lawyers to watch the recount, and {p5}, {r5}, said "
        "representatives of {s0} and {s1} would sit at every table.",
        "The new mayor is due to be sworn in at the town hall on {street} once the tribunal "
        "certifies the result.",
    ),
    "corruption trial": (
        "Bank statements shown to the court traced transfers from {org} to accounts in "
        "{near} held by relatives of {s0}.",
        "The court heard that {s0} met executives of {org} at a restaurant in {district} "
        "days before the ring road contract was signed.",
        "The prosecution asked for the assets seized in {year2} to stay frozen until the "
        "end of the trial, and the judge agreed.",
    ),
    "train derailment": (
        "Railway workers laid temporary track next to the wreckage so that cranes could "
        "lift the overturned carriages.",
        "Passengers from the rear of the train were led along the embankment to buses "
        "waiting on the road to {district}, {p4}, {r4}, said.",
        "The national rail safety agency said the line's signalling had been upgraded in "
        "{year2} at a cost of {n_closed} million.",
    ),
    "cyber attack on city council": (
        "Staff at the council offices on {street} were told not to switch on their computers "
        "until specialists had checked each machine.",
        "The attackers set a deadline of {n_weeks} days before they would publish the data "
        "they said they had stolen, {p4}, {r4}, said.",
        "Neighbouring councils in {near} changed passwords and cut network links with "
        "{city} as a precaution.",
    ),
    "hospital outbreak": (
        "Patients transferred from the affected wards to {near} were screened and kept apart "
        "from other patients on arrival.",
        "The hospital set up a helpline for relatives, and {p3}, {r3}, apologised to "
        "families who had not been told about the outbreak.",
        "Inspectors asked for records of cleaning contracts held by {org} going back to "
        "{year}.",
    ),
    "drought": (
        "Fire services warned that dry forests around {city} were at high risk of fire and "
        "banned barbecues in parks.",
        "Wells dug decades ago on farms around {near} have run dry, and some farmers are "
        "paying for water to be trucked in every day.",
        "The city council of {city} approved emergency funds for repairs to leaking mains "
        "in {district} and {district2}.",
        "Churches in the villages around {city} held prayers for rain on {weekday}, and a "
        "procession carried a statue through the fields.",
        "Fish died in large numbers in shallow stretches of the river, where the water had "
        "grown too warm, {p4}, {r4}, said.",
    ),
    "factory closure": (
        "Managers of {org} held meetings with staff in the canteen on {weekday}, where "
        "workers said they were given ten minutes' notice.",
        "The plant supplied {w_product} to carmakers and appliance makers in {near}, and "
        "customers were told deliveries would continue until the closure.",
        "Local officials said they would ask {org} to pay for cleaning up the site, which "
        "holds decades of industrial waste.",
        "Workers who joined after {year2} would get the smallest redundancy payments, "
        "{p4}, {r4}, said.",
        "A bus company in {city} that ferries shift workers to the plant said it {may} have "
        "to cut routes.",
    ),
    "merger": (
        "The companies said brands would be kept for now, but a single head office would "
        "be chosen within a year.",
        "Lawyers from {bank} advised {target}, while {org} hired a team of bankers in "
        "{near}.",
        "Customers of {target} will keep their contracts and prices until at least the end "
        "of next year, {p3}, {r3}, said.",
        "Credit rating agencies put {org} on watch for a downgrade because of the debt it "
        "will take on to pay for the deal.",
        "The {w_sector} sector in {country} has seen a wave of consolidation since {year}, "
        "as smaller firms struggle with costs.",
    ),
    "protest": (
        "Some protesters set up tents in {square}, saying they would stay overnight until "
        "the government responded.",
        "Riot police in helmets and shields lined the streets around the parliament, "
        "blocking access from {district}.",
        "Volunteer medics set up first-aid stations in doorways along {street}, treating "
        "people for tear gas.",
        "Farmers drove tractors into the centre of {city} to join the march, and lorry "
        "drivers honked horns in support.",
        "A government spokesman said the measure would go ahead as planned but promised "
        "talks with unions next week, {p5}, {r5}, said.",
    ),
    "landslide": (
        "Relatives waited behind police tape at the edge of the mud, some holding "
        "photographs of the missing.",
        "Engineers used drones to map the slope and look for new cracks above {district}, "
        "{p3}, {r3}, said.",
        "The slide also broke a water main, and parts of {city} were supplied by tanker "
        "trucks.",
        "Experts said deforestation on the ridge and poor drainage had made the hillside "
        "unstable.",
        "Schools in {district2} were turned into shelters, and aid groups handed out food "
        "and blankets.",
    ),
    "ferry sinking": (
        "Fishermen from {near} who joined the search said they pulled survivors from the "
        "water clinging to life jackets and crates.",
        "The coast guard said {n_licensed} life jackets were aboard, but some survivors said "
        "they could not reach them in time.",
        "Investigators said they would examine whether the vehicle deck doors had been "
        "closed properly before departure.",
        "The ferry route links {city} with islands where there is no airport, and many "
        "passengers were returning from market.",
        "Bodies recovered from the sea were taken to a temporary morgue at the harbour in "
        "{city}, {p3}, {r3}, said.",
    ),
    "heatwave": (
        "Firefighters were called to several grass fires on the edge of {city}, fanned by "
        "hot, dry winds.",
        "Pharmacies in {district} said fans and rehydration salts had sold out within days.",
        "Factories and construction firms moved shifts to early morning to avoid the worst "
        "of the heat, {p3}, {r3}, said.",
        "The city opened public swimming pools for longer hours, and crowds queued from "
        "early morning.",
        "Emergency calls about elderly people found unconscious at home rose sharply, "
        "paramedics in {city} said.",
    ),
    "chemical leak": (
        "Firefighters sprayed water curtains around the tank to knock down the {w_gas} "
        "cloud before it reached houses in {district}.",
        "Trains passing near the plant were halted for {n_hours} hours, and the motorway to "
        "{near} was closed.",
        "Workers at the plant were evacuated to an assembly point, and {n_serious} of them "
        "needed treatment, {p3}, {r3}, said.",
        "The plant stores about {n_tank} cubic metres of {w_gas} on site under a permit "
        "issued in {year}.",
        "Residents of {district} held a meeting on {weekday} night demanding the plant be "
        "moved away from homes.",
    ),
    "airport closure": (
        "Airlines offered rebooking on flights from {near}, and some passengers chose to "
        "travel by train or bus instead.",
        "Security teams swept the runway and taxiways before flights resumed, {p3}, {r3}, "
        "said.",
        "Arriving planes circled over the sea before being sent to other airports as fuel "
        "ran low.",
        "Restaurants and shops in the terminal stayed open through the night to serve "
        "stranded passengers.",
        "Tour operators in {city} said holidays had been disrupted for thousands of "
        "travellers.",
    ),
    "museum theft": (
        "Forensic officers dusted the broken display cases for fingerprints and took away "
        "tools left behind by the gang.",
        "The museum had recently put the collection on display after a two-year "
        "restoration, {p4}, {r4}, said.",
        "Art dealers and auction houses across the region were sent photographs of the stolen "
        "items.",
        "Visitors who had booked tickets were offered refunds, and school trips were "
        "cancelled.",
        "Police said the thieves had probably visited the museum before the raid to study "
        "its layout.",
    ),
    "water contamination": (
        "Hospitals in {city} switched to bottled water for patients and cancelled some "
        "operations that require sterile water.",
        "The utility sent engineers door to door in {district} to flush pipes and collect "
        "samples from taps.",
        "Parents were advised not to use tap water to make baby formula, {p3}, {r3}, said.",
        "Firefighters delivered water to elderly residents who could not reach the "
        "distribution points.",
        "Farmers near the plant said their wells had tasted strange for days before the "
        "order was issued.",
        "The contamination was first detected during routine tests at the laboratory in "
        "{near}, officials said.",
    ),
    "bank failure": (
        "Small business owners in {city} said they could not pay wages because their "
        "accounts were frozen.",
        "The central bank said it would provide emergency loans to other lenders to keep "
        "cash flowing, {p3}, {r3}, said.",
        "Online banking at {org} was suspended, and customers were told to use other banks "
        "for urgent payments.",
        "Analysts said the bank had grown quickly by offering high interest rates on "
        "savings accounts.",
        "Lawmakers in {country} called for tighter rules on lending to property developers.",
        "A consumer group set up a helpline for customers of {org}, {p4}, {r4}, said.",
    ),
    "wildfire": (
        "Residents of {district} sprayed their roofs with garden hoses as the fire approached "
        "their homes.",
        "Smoke turned the sky orange over {city}, and health officials urged people with "
        "asthma to stay indoors.",
        "Firefighters cut firebreaks with bulldozers along the ridge to stop the flames "
        "reaching {near}, {p3}, {r3}, said.",
        "Evacuees slept in schools and sports halls in {district2}, where volunteers brought "
        "food and water.",
        "The fire jumped a river and spread into a national park, where rare birds nest.",
        "Police detained a man suspected of starting the fire by burning rubbish in a field.",
        "Meteorologists said a drop in wind speed overnight {may} give firefighters a "
        "chance to contain the blaze.",
    ),
}
