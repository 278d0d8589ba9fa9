"""Event kinds for the synthetic news generator (``bench/synthetic.py``), part 1 of 2.

Each kind carries its own vocabulary and its own fact templates, so two stories of different
kinds share little beyond function words, as two real unrelated events do. All text here is
our own. Template syntax: ``{slot}`` is filled from the story (``city``, ``country``,
``near``, ``district``, ``district2``, ``street``, ``org``, ``auth``, ``p0``..``p5`` full
names, ``s0``..``s5`` surnames, ``r0``..``r5`` roles, ``date``, ``weekday``, ``year``, the
kind's ``w_*`` words and ``n_*`` numbers) or by the outlet (``said``, ``may``,
``reportedly``); ``{a|b}`` lets each outlet word a phrase its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kind:
    """One kind of news event and everything needed to write stories of it."""

    name: str
    """Short label, used in tests and statistics."""
    event: str
    """Noun phrase for the event as a whole ("the fire"), used by shared templates."""
    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    """Paragraphs of the story's facts; a story keeps most of them, each outlet most of
    those, in its own order."""
    quotes: tuple[str, ...]
    """Quoted speech (without quote marks or speaker: the outlet attributes it)."""
    denials: tuple[str, ...]
    roles: tuple[str, ...]
    """Six roles, for persons p0..p5."""
    authority: tuple[str, ...]
    """Templates for the public body in charge (``auth``)."""
    company: tuple[str, ...]
    """Suffixes of the invented organisation involved (``org``)."""
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    numbers: dict[str, tuple[int, int]] = field(default_factory=dict)


KINDS_A: tuple[Kind, ...] = (
    Kind(
        name="warehouse fire",
        event="the warehouse fire",
        headlines=(
            "Huge blaze destroys {w_goods} warehouse in {city}",
            "{n_crews} fire crews battle {city} warehouse fire in {district}",
            "Smoke warning for {district} as {org} depot burns",
        ),
        leads=(
            "A fire tore through a {w_goods} warehouse run by {org} in the {district} district "
            "of {city} on {weekday}, sending a column of black smoke over the city and forcing "
            "{n_evacuated} people from nearby homes.",
            "More than {n_crews} fire crews were called to a blaze at a {org} warehouse on "
            "{street} in {city}, {country}, on {date}, where stocks of {w_goods} {burned|caught fire}.",
        ),
        facts=(
            "The alarm was raised shortly after {n_hour} o'clock by a security guard, {p3}, who "
            "saw flames near the loading bays. Firefighters from {city} and {near} arrived "
            "within {n_minutes} minutes.",
            "{p0}, {r0}, {said} the roof of the {n_area}-square-metre building had collapsed "
            "within the first hour. Crews {fought|battled} the flames from aerial ladders "
            "rather than risk sending anyone inside.",
            "Residents of {district} and {district2} were told to keep windows and doors shut "
            "because the smoke {may} contain fumes from burning {w_goods}.",
            "{n_injured} firefighters were treated for smoke inhalation and one was taken to "
            "hospital with burns to his hands, {auth} said in an update on {weekday} evening.",
            "The warehouse held about {n_tonnes} tonnes of {w_goods}, according to {p1}, "
            "{r1}. Stock worth an estimated {n_million} million was {reportedly} lost.",
            "{org} said all {n_staff} workers on the night shift had been accounted for. The "
            "company employs about {n_workforce} people at the site on {street}.",
            "Investigators from {auth} will examine whether the fire started in an electrical "
            "cabinet, {p0} said, adding that arson had not been ruled out.",
            "Hydrant pressure in {district} dropped during the night, and tankers were brought "
            "in from {near} to keep the hoses supplied.",
            "Trains between {city} and {near} were halted for {n_hours} hours because the smoke "
            "drifted across the railway line next to the depot.",
            "A previous fire at the same site in {year} was put out by the sprinkler system. "
            "{p2}, {r2}, {said} the sprinklers had been inspected in the spring.",
            "Air quality readings taken in {district2} showed fine particle levels {n_times} "
            "times above the usual level, the environmental office of {city} said.",
            "Neighbours filmed flames leaping above the roofline of the {w_goods} store as "
            "firefighters sprayed water on adjoining buildings to stop the blaze spreading.",
        ),
        quotes=(
            "The heat was so intense that our crews could not get within fifty metres of the "
            "loading bays",
            "We are working with {auth} to find out exactly how this fire started",
            "I woke up to the sound of the roof falling in and the whole street was orange",
            "Nobody was hurt inside the building, and that is what matters most tonight",
        ),
        denials=(
            "{org} denied that fire doors at the {w_goods} warehouse had been chained shut, "
            "saying a safety audit in {year} had found no problems.",
            "A lawyer for {org} rejected claims from union officials that sprinklers had been "
            "switched off to save money.",
        ),
        roles=(
            "chief fire officer for {city}", "a spokeswoman for {auth}",
            "operations manager at {org}", "a night guard at the depot",
            "a resident of {district}", "the deputy mayor of {city}",
        ),
        authority=("{city} Fire and Rescue Service", "the {city} fire brigade"),
        company=("Logistics", "Storage", "Distribution"),
        words={"goods": ("tyre", "furniture", "paint", "paper", "textile", "plastics")},
        numbers={
            "crews": (12, 60), "evacuated": (80, 900), "hour": (1, 5), "minutes": (6, 15),
            "area": (3000, 20000), "injured": (2, 7), "tonnes": (200, 3000),
            "million": (3, 80), "staff": (14, 60), "workforce": (120, 600), "hours": (3, 9),
            "times": (4, 12),
        },
    ),
    Kind(
        name="flood",
        event="the flooding",
        headlines=(
            "Flash floods swamp {city} after {n_rain} mm of rain",
            "{river} bursts its banks in {city}, {n_evacuated} evacuated",
            "{district} under water as {city} flood defences fail",
        ),
        leads=(
            "The {river} burst its banks in {city}, {country}, on {weekday} after {n_rain} "
            "millimetres of rain fell in {n_hours} hours, flooding homes in {district} and "
            "{district2} and forcing {n_evacuated} people to leave.",
            "Floodwater up to {n_depth} centimetres deep swept through streets of {city} on "
            "{date} when the {river} rose {n_rise} metres overnight.",
        ),
        facts=(
            "Rescue boats ferried families from upper windows in {district}, where the water "
            "rose faster than forecasters had expected, {p0}, {r0}, {said}.",
            "The gauge at {street} bridge showed the river at {n_level} metres, its highest "
            "reading since records began in {n_record}, according to {auth}.",
            "{n_dead} people were confirmed dead and {n_missing} remained missing late on "
            "{weekday}. Divers were searching flooded underpasses near the station.",
            "Sandbag walls along the embankment gave way in two places, and pumps brought in "
            "from {near} could not keep pace with the {inflow|rising water}.",
            "Emergency shelters opened in {n_shelters} schools, and {p1}, {r1}, {said} about "
            "{n_sheltered} people had spent the night in them.",
            "Rainfall upstream in the hills north of {city} {may} push the crest of the flood "
            "through the city centre by {weekday} night, forecasters warned.",
            "Power was cut to {n_homes} homes as a precaution after substations in {district2} "
            "were inundated, the grid operator said.",
            "Farmers along the river valley reported fields of maize and sunflowers under "
            "water, and livestock drowned in barns near {near}.",
            "The flood defence scheme for {district}, approved in {year}, was still only half "
            "built. {p2}, {r2}, said construction had been delayed by funding disputes.",
            "Drinking water in parts of {city} {may} be contaminated, and residents were told "
            "to boil tap water until further notice.",
            "Insurers estimated early claims at around {n_million} million, most of them from "
            "householders whose ground floors were submerged.",
            "Road links to {near} were closed after a section of embankment slid into the "
            "river, cutting off several villages to the north.",
        ),
        quotes=(
            "The water came up through the floorboards in less than ten minutes",
            "We have never seen the river rise this quickly, not in living memory",
            "Please do not try to drive through floodwater, even if it looks shallow",
            "Our crews have pulled people off rooftops all night and they are exhausted",
        ),
        denials=(
            "{auth} denied that warnings had come too late, saying text alerts went out "
            "{n_alert} hours before the river peaked.",
        ),
        roles=(
            "head of civil protection in {city}", "the mayor of {city}",
            "a hydrologist with {auth}", "a boat volunteer from {near}",
            "a shopkeeper in {district}", "the regional governor",
        ),
        authority=("the {city} water board", "the river basin authority"),
        company=("Insurance", "Assurance", "Mutual"),
        words={"river": (
            "river", "canal", "river delta", "mountain stream", "reservoir spillway",
        )},
        numbers={
            "rain": (90, 320), "hours": (6, 30), "evacuated": (500, 9000), "depth": (40, 180),
            "rise": (2, 6), "level": (5, 11), "record": (1890, 1960), "dead": (2, 14),
            "missing": (1, 9), "shelters": (5, 30), "sheltered": (300, 4000),
            "homes": (2000, 40000), "million": (20, 400), "alert": (1, 4),
        },
    ),
    Kind(
        name="port strike",
        event="the dock strike",
        headlines=(
            "Dock workers walk out at port of {city} over {w_issue}",
            "Ships queue off {city} as port strike enters day {n_day}",
            "{union} rejects {org} offer, {city} strike goes on",
        ),
        leads=(
            "Dock workers at the port of {city} walked out on {weekday} in a dispute with "
            "terminal operator {org} over {w_issue}, leaving {n_ships} container ships waiting "
            "at anchor.",
            "Cranes stood idle at {city}'s container terminals on {date} as about {n_strikers} "
            "members of the {union} began an open-ended strike over {w_issue}.",
        ),
        facts=(
            "{p0}, {r0}, {said} the union had rejected a pay offer of {n_offer} per cent over "
            "two years because it did not keep pace with rents in {city}.",
            "The port handles about {n_teu} containers a day, and freight agents {said} cargo "
            "was being diverted to {near} at extra cost.",
            "Pickets gathered at gate {n_gate} from dawn, and police kept a lane open for "
            "ambulances and fuel tankers, {auth} said.",
            "{org} said the walkout was costing the terminal about {n_loss} million a day and "
            "accused union leaders of refusing to negotiate in good faith.",
            "Perishable goods, including bananas and frozen fish, were {reportedly} spoiling "
            "in refrigerated containers stacked on the quay.",
            "The dispute began in {year} when {org} introduced automated stacking cranes and "
            "cut {n_jobs} jobs from the night shifts.",
            "{p1}, {r1}, {said} the government would not intervene for now but urged both "
            "sides to return to mediation talks on {weekday}.",
            "Truck drivers waiting outside the port formed a queue stretching {n_queue} "
            "kilometres along the coastal road toward {district}.",
            "Exporters of wine and machine parts warned that contracts {may} be lost if "
            "sailings from {city} were cancelled for more than a week.",
            "A previous strike at the port lasted {n_prev} days and ended with a deal brokered "
            "by {p2}, {r2}.",
            "Shipping lines said {n_cancelled} scheduled calls at {city} had been cancelled or "
            "moved to other ports this month.",
            "Union members voted {n_vote} per cent in favour of strike action in a ballot held "
            "at the dockers' hall on {street}.",
        ),
        quotes=(
            "Our members are not machines and they will not be replaced by machines",
            "We remain ready to talk at any hour, but not with a gun to our heads",
            "Every day the cranes stand still, the whole region pays for it",
            "Nobody wants a strike, but the offer on the table is an insult",
        ),
        denials=(
            "{org} denied that it planned further job cuts, calling the union's claims "
            "scaremongering.",
            "The {union} rejected reports that its leaders had agreed a deal in private.",
        ),
        roles=(
            "general secretary of the {union}", "the transport minister",
            "chief executive of {org}", "a crane operator with {n_years} years at the port",
            "a freight forwarder in {city}", "a labour mediator",
        ),
        authority=("the {city} port authority", "the harbour police"),
        company=("Terminals", "Container Services", "Port Holdings"),
        words={
            "issue": ("pay", "automation", "shift patterns", "pensions", "safety rules"),
            "union": ("{city} Dockworkers Union", "{inv} Port Workers Federation",
                      "Harbour Workers Union of {city}"),
        },
        numbers={
            "day": (2, 9), "ships": (12, 70), "strikers": (800, 4500), "offer": (3, 7),
            "teu": (4000, 30000), "gate": (2, 9), "loss": (2, 15), "jobs": (60, 400),
            "queue": (5, 25), "prev": (4, 19), "cancelled": (10, 60), "vote": (71, 96),
            "years": (12, 30),
        },
    ),
    Kind(
        name="bridge collapse",
        event="the bridge collapse",
        headlines=(
            "Bridge collapses in {city}, {n_dead} dead",
            "Cars plunge into river as {bridge} gives way",
            "Inspectors had flagged cracks in {city}'s {bridge}, documents show",
        ),
        leads=(
            "A section of the {bridge} in {city}, {country}, collapsed during the evening "
            "rush hour on {weekday}, sending {n_vehicles} vehicles into the water below and "
            "killing at least {n_dead} people.",
            "The central span of the {bridge} linking {district} to {district2} gave way on "
            "{date}, {auth} said, in one of the worst infrastructure failures in {country} "
            "in decades.",
        ),
        facts=(
            "The {n_length}-metre span was built in {n_built} and carried about {n_traffic} "
            "vehicles a day, according to {auth}.",
            "{p0}, {r0}, {said} divers had recovered {n_dead} bodies and were searching for "
            "{n_missing} people still unaccounted for.",
            "An inspection report from {year} rated the bridge's steel bearings as poor and "
            "recommended repairs within {n_months} months. The work was never carried out.",
            "Witnesses described hearing a loud crack before the deck tilted and slid, taking "
            "a bus and several cars with it.",
            "{org}, the contractor responsible for maintenance since {year}, said it was "
            "cooperating fully with investigators.",
            "{p1}, {r1}, ordered emergency inspections of all {n_bridges} bridges of the same "
            "design across {country}.",
            "Traffic from {district} was diverted through {near}, adding up to {n_detour} "
            "minutes to journeys into the centre of {city}.",
            "Engineers {said} corrosion in the prestressed cables {may} have weakened the "
            "structure, although the cause would take months to establish.",
            "Cranes were moved onto the riverbank to lift the wreckage of the bus, which had "
            "{n_passengers} passengers aboard.",
            "Prosecutors opened an investigation into negligent homicide and seized "
            "maintenance records from the offices of {org} on {street}.",
            "The bridge was due to be closed for renovation next year under a plan approved "
            "by the council of {city}.",
            "Blood donors queued outside the main hospital in {city}, which treated "
            "{n_injured} injured people overnight.",
        ),
        quotes=(
            "The road just disappeared in front of me, I braked and stopped a metre from the edge",
            "This bridge should have been closed years ago and everybody knew it",
            "We will find out who was responsible and they will answer for it",
            "Our divers are working in zero visibility and strong currents",
        ),
        denials=(
            "{org} denied that it had ignored warnings about the bearings, saying the "
            "inspection report had never been sent to the company.",
        ),
        roles=(
            "commander of the {city} rescue services", "the infrastructure minister",
            "a structural engineer at the technical university of {city}",
            "a taxi driver who crossed minutes earlier", "the public prosecutor in {city}",
            "a nurse at the city hospital",
        ),
        authority=("the {city} roads department", "the national highways agency"),
        company=("Construction", "Civil Engineering", "Infrastructure"),
        words={"bridge": (
            "river bridge", "motorway viaduct", "suspension bridge", "railway overpass",
        )},
        numbers={
            "dead": (3, 31), "vehicles": (5, 25), "length": (80, 260), "built": (1958, 1988),
            "traffic": (20000, 90000), "missing": (2, 12), "months": (6, 24),
            "bridges": (8, 60), "detour": (20, 70), "passengers": (14, 40),
            "injured": (10, 60),
        },
    ),
    Kind(
        name="power outage",
        event="the blackout",
        headlines=(
            "Blackout hits {n_homes} homes in {city}",
            "{org} blames {w_cause} for {city} power cut",
            "Traffic lights dark, trams stopped as {city} loses power",
        ),
        leads=(
            "Power failed across large parts of {city}, {country}, on {weekday} after {w_cause} "
            "at a substation in {district}, leaving about {n_homes} homes and businesses "
            "without electricity.",
            "A blackout cut electricity to {n_homes} customers in {city} and {near} on {date}, "
            "halting trams and trapping people in lifts, grid operator {org} said.",
        ),
        facts=(
            "{org} said supply had been restored to {n_restored} per cent of customers by "
            "midnight, but parts of {district2} {may} stay dark for another day.",
            "Firefighters freed {n_lifts} people from lifts stuck between floors in office "
            "towers and apartment blocks, {auth} said.",
            "{p0}, {r0}, {said} the fault began at the {n_kv}-kilovolt transformer in "
            "{district} and tripped protection systems along two transmission lines.",
            "Hospitals switched to backup generators, and one clinic on {street} moved "
            "{n_patients} patients on ventilators to another site as a precaution.",
            "Tram and metro services were suspended for {n_hours} hours, and commuters walked "
            "home through streets where traffic lights had failed.",
            "Mobile phone networks were overloaded in the first hour of the outage, and the "
            "emergency number received {n_calls} calls.",
            "The grid operator had warned regulators in {year} that several transformers in "
            "{city} were near the end of their working life.",
            "{p1}, {r1}, demanded a full report from {org} within {n_days} days and said "
            "compensation for spoiled food would be considered.",
            "Shops and restaurants in the old town closed early, and cash machines stopped "
            "working across the centre of {city}.",
            "Engineers {said} demand for air conditioning had pushed the network close to "
            "its limit in the days before the failure.",
            "Water pressure fell in high-rise buildings whose pumps depend on mains power, "
            "{p2}, {r2}, said.",
            "Industrial customers in {near} were asked to cut consumption to help operators "
            "bring the network back section by section.",
        ),
        quotes=(
            "We were stuck in the dark between floors for almost two hours",
            "Restoring a network this size takes time because it has to be done step by step",
            "This is the third major outage in five years and people are running out of patience",
            "Our generators kicked in within seconds and no patient was put at risk",
        ),
        denials=(
            "{org} denied that underinvestment caused the failure, saying it had spent "
            "{n_invest} million on the network since {year}.",
        ),
        roles=(
            "a spokesman for {org}", "the energy minister",
            "chief engineer at {org}", "director of the city hospital",
            "a commuter from {district}", "a grid analyst in {near}",
        ),
        authority=("the {city} emergency services", "the national energy regulator"),
        company=("Grid", "Power Networks", "Electric"),
        words={"cause": (
            "a transformer fire", "a cable fault", "an overloaded circuit breaker",
            "a lightning strike",
        )},
        numbers={
            "homes": (40000, 900000), "restored": (70, 95), "lifts": (20, 140),
            "kv": (110, 400), "patients": (4, 20), "hours": (3, 10), "calls": (2000, 15000),
            "days": (5, 30), "invest": (100, 900),
        },
    ),
    Kind(
        name="oil spill",
        event="the oil spill",
        headlines=(
            "Oil slick spreads along coast near {city} after tanker runs aground",
            "{vessel} spill: {n_km} km of beaches fouled",
            "Clean-up crews race to contain {city} oil spill",
        ),
        leads=(
            "The tanker {vessel} ran aground off {city}, {country}, on {weekday}, spilling "
            "an estimated {n_tonnes} tonnes of {w_oil} into the sea and fouling beaches along "
            "{n_km} kilometres of coast.",
            "A slick of {w_oil} from the grounded tanker {vessel} washed ashore near {city} on "
            "{date}, coating rocks and seabirds, the coast guard said.",
        ),
        facts=(
            "The {vessel}, owned by {org}, was carrying {n_cargo} tonnes of {w_oil} from "
            "{near} when it struck a reef in rough weather, {auth} said.",
            "{p0}, {r0}, {said} the hull had been breached in {n_tanks} places and salvage "
            "teams were pumping the remaining cargo into a second ship.",
            "Volunteers in oilskins collected {n_birds} oiled birds, mostly cormorants and "
            "gulls, and took them to a rescue centre in {district}.",
            "Floating booms were laid across the mouth of the lagoon to protect oyster farms "
            "and a nature reserve, {p1}, {r1}, said.",
            "Fishing was banned within {n_zone} nautical miles of the wreck, and fishermen in "
            "{city} warned that the season's catch would be lost.",
            "The ship's captain was detained for questioning, and prosecutors {said} they "
            "were examining the vessel's voyage data recorder.",
            "Satellite images showed the slick drifting south-west at about {n_speed} "
            "kilometres a day, pushed by prevailing winds.",
            "Environmental groups said the tanker was {n_age} years old and had been detained "
            "twice in {year} for failed safety inspections.",
            "Hotels along the beach front reported cancellations as the smell of {w_oil} "
            "reached the promenade on {street}.",
            "{org} said it had hired specialist clean-up contractors and would pay for the "
            "damage, though it did not give a figure.",
            "Marine biologists {may} need years to assess the damage to seagrass beds where "
            "turtles feed, {p2}, {r2}, said.",
            "The navy sent {n_ships} vessels with skimmers, and aircraft sprayed dispersant on "
            "the thickest parts of the slick.",
        ),
        quotes=(
            "The rocks are black, the birds are black, and the smell is everywhere",
            "Our priority is to get the remaining fuel off the ship before it breaks up",
            "This coast lives from fishing and tourism, and both have just been hit",
            "We will not let the owners walk away from the cost of this clean-up",
        ),
        denials=(
            "{org} denied that the {vessel} had been unseaworthy and said its certificates "
            "were up to date.",
        ),
        roles=(
            "commander of the coast guard", "the environment minister",
            "a marine biologist at the university of {city}", "a fisherman from {city}",
            "a salvage master", "the mayor of {city}",
        ),
        authority=("the coast guard", "the maritime safety agency"),
        company=("Shipping", "Tankers", "Maritime"),
        words={"oil": ("heavy fuel oil", "crude oil", "diesel", "bunker fuel")},
        numbers={
            "tonnes": (300, 9000), "km": (10, 90), "cargo": (20000, 120000),
            "tanks": (2, 5), "birds": (60, 900), "zone": (5, 30), "speed": (5, 20),
            "age": (22, 34), "ships": (3, 11),
        },
    ),
    Kind(
        name="earthquake",
        event="the earthquake",
        headlines=(
            "Magnitude {magnitude} earthquake strikes near {city}",
            "Quake kills {n_dead} in {country}, buildings flattened in {city}",
            "Aftershocks rattle {city} as rescuers dig through rubble",
        ),
        leads=(
            "An earthquake of magnitude {magnitude} struck near {city}, {country}, early on "
            "{weekday}, toppling buildings in {district} and killing at least {n_dead} people, "
            "officials said.",
            "Rescuers dug through collapsed apartment blocks in {city} on {date} after a "
            "magnitude {magnitude} quake centred {n_epi} kilometres from the city.",
        ),
        facts=(
            "The quake struck at a depth of {n_depth} kilometres at {n_hour} in the morning, "
            "according to the national seismological institute.",
            "{p0}, {r0}, {said} {n_collapsed} buildings had collapsed and {n_damaged} were "
            "damaged, most of them apartment blocks built before {n_code}.",
            "At least {n_aftershocks} aftershocks followed, the strongest of magnitude "
            "{aftershock}, and families slept in parks and cars.",
            "Search teams with sniffer dogs pulled {n_rescued} people alive from the rubble "
            "in {district} and {district2}, {auth} said.",
            "The shaking was felt in {near}, where plaster fell from ceilings and a church "
            "tower cracked, {p1}, {r1}, said.",
            "Hospitals in {city} treated {n_injured} injured people, and field hospitals were "
            "set up in tents outside the main stadium.",
            "Building codes were tightened after a quake in {year}, but enforcement has been "
            "patchy, engineers {said}.",
            "Water and gas were cut off across the old town as a precaution against fires and "
            "leaks from damaged pipes.",
            "{country} declared {n_mourning} days of national mourning, and foreign rescue teams "
            "began arriving on {weekday} night.",
            "Roads into the mountain villages north of {city} were blocked by rockfalls, and "
            "helicopters dropped food and blankets, {p2}, {r2}, said.",
            "Seismologists {said} further strong aftershocks {may} follow in the coming days "
            "and urged people to stay out of damaged buildings.",
            "Schools in the province were closed for a week and turned into shelters for "
            "families whose homes were unsafe.",
        ),
        quotes=(
            "The whole building swayed like a boat and then the stairs came down",
            "We can still hear voices under the rubble, so we keep digging",
            "Every minute counts in the first seventy-two hours",
            "These buildings should never have been allowed to go up the way they did",
        ),
        denials=(
            "{org}, which built several of the collapsed blocks, denied cutting corners and "
            "said the buildings met the codes in force at the time.",
        ),
        roles=(
            "head of the disaster management agency", "the interior minister",
            "a seismologist at the national institute", "a rescue worker from {near}",
            "a resident of {district}", "the provincial governor",
        ),
        authority=("the disaster management agency", "the {city} civil defence"),
        company=("Developments", "Builders", "Housing"),
        words={
            "magnitude": ("5.8", "6.1", "6.4", "6.7", "7.0", "7.2"),
            "aftershock": ("4.6", "4.9", "5.2", "5.5"),
        },
        numbers={
            "dead": (12, 400), "epi": (10, 60), "depth": (8, 35), "hour": (2, 6),
            "collapsed": (20, 300), "damaged": (300, 5000), "code": (1985, 2000),
            "aftershocks": (30, 150), "rescued": (15, 120), "injured": (200, 3000),
            "mourning": (3, 7),
        },
    ),
    Kind(
        name="disputed election count",
        event="the disputed count",
        headlines=(
            "{p0} claims victory in {city} mayoral race as count disputed",
            "Recount ordered in {city} after {n_margin}-vote margin",
            "Ballot boxes from {district} at centre of {city} election row",
        ),
        leads=(
            "Both candidates claimed victory in the mayoral election in {city}, {country}, on "
            "{weekday} after the count showed {p0} ahead of {p1} by just {n_margin} votes.",
            "The election commission in {city} ordered a recount on {date} after observers "
            "reported irregularities at polling stations in {district}.",
        ),
        facts=(
            "{p0}, {r0}, won {n_share_a} per cent of the vote against {n_share_b} per cent for "
            "{p1}, {r1}, according to preliminary results.",
            "Turnout was {n_turnout} per cent, the highest for a municipal vote in {city} "
            "since {year}, the election commission said.",
            "Observers from {org} reported that {n_boxes} ballot boxes from {district} arrived "
            "at the counting centre with broken seals.",
            "Supporters of {s1} gathered outside the town hall on {street} chanting slogans "
            "and waving the party's green flags.",
            "{p2}, {r2}, {said} the commission would recount ballots from {n_stations} polling "
            "stations by hand, under camera.",
            "Postal votes from residents living abroad {may} decide the result, and about "
            "{n_postal} of them were still to be counted.",
            "{s0} accused his rival of intimidating voters in {district2}, a charge {s1}'s "
            "campaign called baseless.",
            "Courts have {n_days} days to rule on any challenge, after which the result must "
            "be certified by the electoral tribunal.",
            "The count in {city} is seen as a test for the governing coalition ahead of "
            "national elections, {p3}, {r3}, said.",
            "Police said {n_arrests} people were detained after scuffles between rival "
            "supporters near a polling station in {district}.",
            "Independent monitors counted {n_complaints} formal complaints, most about "
            "missing names on the electoral roll.",
            "Results from {near}, counted on the same night, gave the governing party a "
            "comfortable majority on the regional council.",
        ),
        quotes=(
            "The people of this city have spoken and we will defend their vote",
            "Every valid ballot will be counted, and only valid ballots",
            "We have photographs of seals that were cut and glued back",
            "A margin this narrow demands patience from everyone",
        ),
        denials=(
            "The election commission denied that any ballot boxes had been tampered with and "
            "said the broken seals were a packing fault.",
        ),
        roles=(
            "the incumbent mayor", "an opposition councillor",
            "chair of the {city} election commission", "a political scientist in {near}",
            "a polling station chair in {district}", "a lawyer for the opposition",
        ),
        authority=("the {city} election commission", "the electoral tribunal"),
        company=("Election Watch", "Civic Monitor", "Ballot Observers"),
        numbers={
            "margin": (90, 1900), "share_a": (47, 50), "share_b": (46, 49),
            "turnout": (52, 74), "boxes": (6, 40), "stations": (12, 90),
            "postal": (1500, 9000), "days": (10, 30), "arrests": (4, 30),
            "complaints": (40, 300),
        },
    ),
    Kind(
        name="corruption trial",
        event="the corruption trial",
        headlines=(
            "Former {office} {p0} goes on trial in {city} bribery case",
            "Prosecutors say {p0} took {n_bribe} million in kickbacks",
            "{org} executive testifies against ex-{office} {s0}",
        ),
        leads=(
            "The former {office} of {city}, {p0}, went on trial on {weekday} accused of taking "
            "{n_bribe} million in bribes from {org} in return for public contracts.",
            "A court in {city}, {country}, opened the trial of former {office} {p0} on {date}, "
            "in the largest corruption case the region has seen in a decade.",
        ),
        facts=(
            "Prosecutors allege that between {year} and {year2} {s0} steered {n_contracts} "
            "road and school contracts worth {n_value} million to {org}.",
            "{p1}, {r1}, told the court that payments were routed through shell companies in "
            "{near} and disguised as consultancy fees.",
            "{s0} denies all {n_charges} charges, which include bribery, money laundering and "
            "abuse of office, and faces up to {n_years} years in prison.",
            "The indictment runs to {n_pages} pages and lists {n_witnesses} witnesses, "
            "including two former deputy mayors.",
            "A former accountant at {org}, {p2}, is expected to testify under a plea agreement "
            "later this month, {reportedly} in exchange for a reduced sentence.",
            "Investigators seized a villa in {district}, three cars and about {n_cash} in "
            "cash during raids in {year2}.",
            "Defence lawyer {p3} {said} the case rested on the testimony of people who had "
            "every reason to lie to protect themselves.",
            "Dozens of supporters of {s0} waited outside the courthouse on {street}, some "
            "holding banners calling the case political.",
            "The presiding judge, {p4}, rejected a defence request to move the trial to "
            "another city because of media coverage.",
            "Wiretapped conversations {may} be played in court next week, the prosecution "
            "said, after the judge ruled them admissible.",
            "Construction on one of the disputed contracts, a ring road around {city}, has "
            "stalled and is {n_over} per cent over budget.",
            "The trial is scheduled to last until the autumn, with hearings on {n_perweek} days "
            "a week.",
        ),
        quotes=(
            "I have served this city honestly and I will prove it in this courtroom",
            "The money followed the contracts, and the contracts followed the money",
            "My client has been convicted in the press before a single witness was heard",
            "Nobody is above the law, however powerful they once were",
        ),
        denials=(
            "{org} denied paying bribes to any official and said it had won every contract in "
            "open tender.",
        ),
        roles=(
            "former {office} of {city}", "the lead prosecutor",
            "a former accountant at {org}", "the defence lawyer",
            "the presiding judge", "an anti-corruption campaigner in {city}",
        ),
        authority=("the anti-corruption prosecutor's office", "the {city} district court"),
        company=("Construction Group", "Engineering", "Contractors"),
        words={"office": ("mayor", "regional governor", "deputy mayor", "transport chief")},
        numbers={
            "bribe": (2, 40), "contracts": (6, 30), "value": (80, 900), "charges": (4, 15),
            "years": (8, 20), "pages": (400, 3000), "witnesses": (30, 140),
            "cash": (200000, 2000000), "over": (20, 90), "perweek": (2, 4),
        },
    ),
    Kind(
        name="train derailment",
        event="the derailment",
        headlines=(
            "{n_dead} killed as train derails near {city}",
            "{w_train} derails outside {city}, carriages overturn",
            "Signal fault examined after {city} derailment",
        ),
        leads=(
            "A {w_train} travelling from {city} to {near} derailed on {weekday}, overturning "
            "{n_cars} carriages and killing at least {n_dead} people, rail operator {org} said.",
            "At least {n_dead} people died on {date} when a {w_train} left the tracks on a curve "
            "outside {city}, {country}.",
        ),
        facts=(
            "The train was carrying about {n_passengers} passengers and was travelling at "
            "about {n_speed} kilometres an hour when it derailed, {auth} said.",
            "{p0}, {r0}, {said} the front carriages left the rails on a curve where the limit "
            "is {n_limit} kilometres an hour.",
            "Investigators recovered the train's data recorder and were examining a signal "
            "fault reported on the line {n_days} days earlier.",
            "Rescuers cut through the roofs of the overturned carriages to reach trapped "
            "passengers, {p1}, {r1}, said.",
            "{n_injured} people were taken to hospitals in {city} and {near}, {n_serious} of "
            "them in a serious condition.",
            "The driver, who survived with minor injuries, was questioned by police and "
            "{reportedly} told investigators the brakes did not respond.",
            "The line between {city} and {near} will stay closed for at least {n_closed} days "
            "while the track is rebuilt, {org} said.",
            "Unions have complained since {year} about staff shortages among track "
            "inspectors, {p2}, {r2}, said.",
            "Buses replaced trains on the route, and the station in {district} set up a "
            "help desk for relatives.",
            "The tracks on the curve were renewed in {year}, and {org} said they had been "
            "checked by ultrasound in the spring.",
            "Heat {may} have buckled the rails, engineers {said}, as temperatures had passed "
            "thirty degrees that afternoon.",
            "The transport minister cut short a visit abroad and was due to visit the crash "
            "site on {weekday}.",
        ),
        quotes=(
            "There was a jolt, then the carriage rolled over and everyone was thrown to the ceiling",
            "We owe the families a full and honest explanation",
            "The curve is well known to every driver on this line",
            "We had been warning about maintenance on this route for years",
        ),
        denials=(
            "{org} denied that maintenance had been cut on the line and said spending on track "
            "renewal had risen every year.",
        ),
        roles=(
            "head of the rail accident investigation board", "chief executive of {org}",
            "a regional rescue commander", "a leader of the train drivers' union",
            "a passenger from {district}", "the transport minister",
        ),
        authority=("the rail accident investigation board", "the {city} police"),
        company=("Railways", "Rail", "Intercity"),
        words={"train": (
            "passenger train", "commuter train", "night train", "regional express",
        )},
        numbers={
            "dead": (2, 40), "cars": (3, 8), "passengers": (150, 600), "speed": (90, 160),
            "limit": (60, 90), "days": (2, 12), "injured": (30, 200), "serious": (4, 25),
            "closed": (5, 20),
        },
    ),
    Kind(
        name="cyber attack on city council",
        event="the cyber attack",
        headlines=(
            "Ransomware attack cripples {city} council systems",
            "Hackers demand {n_ransom} million from {city} city hall",
            "{city} residents' data {may} have been stolen in cyber attack",
        ),
        leads=(
            "A ransomware attack knocked out the computer systems of the city council of "
            "{city}, {country}, on {weekday}, halting payments, permits and the online "
            "services used by about {n_users} residents.",
            "Hackers encrypted servers at {city} city hall on {date} and demanded a ransom of "
            "{n_ransom} million in cryptocurrency, council officials said.",
        ),
        facts=(
            "{p0}, {r0}, {said} the attackers had got in through a phishing email opened by an "
            "employee in the parking department.",
            "The council shut down {n_servers} servers and disconnected from the internet to "
            "stop the malware spreading to the water and traffic systems.",
            "A group calling itself {gang} claimed responsibility on a leak site and posted "
            "samples of what it said were passport scans and payroll files.",
            "Residents were told to watch for fraudulent messages asking for bank details, "
            "{p1}, {r1}, said.",
            "Birth and death registrations were being recorded on paper, and weddings at the "
            "register office on {street} went ahead with handwritten certificates.",
            "The national cyber security centre sent a team of {n_experts} specialists, and "
            "police opened a criminal investigation.",
            "The council {reportedly} does not intend to pay the ransom, in line with "
            "government guidance.",
            "Restoring the systems from backups {may} take {n_weeks} weeks, and some records "
            "from the last month could be lost, {p2}, {r2}, said.",
            "An audit in {year} had warned that the council was running unsupported software "
            "on {n_pcs} desktop computers.",
            "Parking fines, tax payments and housing benefit claims were suspended, and the "
            "council extended all deadlines by a month.",
            "Security researchers said the same group had attacked a hospital in {near} and "
            "a university earlier in the year.",
            "Councillors from the opposition asked why the council had cut its IT security "
            "budget in {year}.",
        ),
        quotes=(
            "We will not negotiate with criminals who hold our residents' data hostage",
            "The attack was sophisticated, but it began with one click on one email",
            "People should be suspicious of any message that claims to come from the council",
            "Paper forms are slow, but the essential services are running",
        ),
        denials=(
            "{org}, the council's IT contractor, denied that its systems had been the entry "
            "point for the attackers.",
        ),
        roles=(
            "chief digital officer of {city}", "the mayor of {city}",
            "a security researcher at {org}", "a council employee in {district}",
            "head of the national cyber security centre", "an opposition councillor",
        ),
        authority=("the national cyber security centre", "the {city} cybercrime unit"),
        company=("Data Systems", "IT Services", "Cloud Solutions"),
        words={"gang": ("{inv}Lock", "{inv} Collective", "Team {inv}", "{inv}Vault")},
        numbers={
            "users": (100000, 900000), "ransom": (1, 9), "servers": (80, 600),
            "experts": (6, 20), "weeks": (2, 8), "pcs": (300, 2000),
        },
    ),
    Kind(
        name="hospital outbreak",
        event="the outbreak",
        headlines=(
            "{w_germ} outbreak at {city} hospital infects {n_cases}",
            "Wards closed at {hospital} as infections spread",
            "{n_dead} patients die in {city} hospital outbreak",
        ),
        leads=(
            "An outbreak of {w_germ} at {hospital} in {city}, {country}, has infected "
            "{n_cases} patients and staff, hospital officials said on {weekday}, closing "
            "{n_wards} wards to new admissions.",
            "Health inspectors were sent to {hospital} in {city} on {date} after {n_dead} "
            "patients infected with {w_germ} died.",
        ),
        facts=(
            "{p0}, {r0}, {said} the first cases were found in the intensive care unit "
            "{n_days} days ago and spread to the surgical wards.",
            "Samples from sinks and drains in the unit tested positive, and engineers were "
            "replacing pipework, {auth} said.",
            "Planned operations were postponed for {n_postponed} patients, and ambulances "
            "were diverted to hospitals in {near}.",
            "Visitors were limited to one per patient and required to wear gowns and gloves, "
            "{p1}, {r1}, said.",
            "The strain is resistant to most common antibiotics, and infected patients were "
            "being treated in isolation rooms, doctors {said}.",
            "A nurses' union said wards had been running with {n_short} per cent fewer staff "
            "than planned, which {may} have helped the infection spread.",
            "Relatives of a patient who died said they had not been told about the outbreak "
            "until after his death.",
            "Genetic sequencing at the national reference laboratory linked {n_linked} cases "
            "to a single source, {p2}, {r2}, said.",
            "The hospital last faced a similar outbreak in {year}, when a ward was closed "
            "for three weeks.",
            "Cleaning teams disinfected the wards with hydrogen peroxide vapour over the "
            "weekend, and screening was extended to all new admissions.",
            "Health authorities in {city} said there was no risk to the general public "
            "outside the hospital.",
            "The regional health minister ordered an inspection of infection control at all "
            "{n_hospitals} hospitals in the region.",
        ),
        quotes=(
            "Our staff are working extremely hard to protect every patient on these wards",
            "We want to know why we were not told sooner",
            "Resistant bacteria in hospital plumbing are very hard to get rid of",
            "There is no risk to people who are not in the hospital",
        ),
        denials=(
            "The management of {hospital} denied that staff shortages had played any part in "
            "the outbreak.",
        ),
        roles=(
            "medical director of {hospital}", "head of infection control",
            "a microbiologist at the national reference laboratory",
            "a nurse on the surgical ward", "the regional health minister",
            "the son of a patient",
        ),
        authority=("the regional health authority", "the public health inspectorate"),
        company=("Medical Supplies", "Healthcare Services", "Hospital Cleaning"),
        words={
            "germ": ("Klebsiella", "Acinetobacter", "Pseudomonas", "norovirus", "Legionella"),
            "hospital": (
                "{inv} General Hospital", "the University Hospital of {city}",
                "St {s5}'s Hospital", "{inv} Memorial Hospital",
            ),
        },
        numbers={
            "cases": (14, 80), "wards": (2, 6), "dead": (2, 9), "days": (8, 25),
            "postponed": (100, 900), "short": (15, 35), "linked": (8, 40),
            "hospitals": (10, 40),
        },
    ),
)
