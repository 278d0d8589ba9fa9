"""Event kinds for the synthetic news generator, part 2 of 2 (see ``synthetic_kinds.py``)."""

from __future__ import annotations

from .synthetic_kinds import Kind

KINDS_B: tuple[Kind, ...] = (
    Kind(
        name="drought",
        event="the drought",
        headlines=(
            "{city} rations water as reservoirs fall to {n_level} per cent",
            "Worst drought in decades withers crops around {city}",
            "Farmers near {city} sell cattle as drought deepens",
        ),
        leads=(
            "Authorities in {city}, {country}, began rationing tap water on {weekday} after "
            "the reservoirs that supply the city fell to {n_level} per cent of capacity "
            "following {n_months} months with almost no rain.",
            "The drought gripping the region around {city} has ruined {n_crop} per cent of "
            "the {w_crop} harvest, farm officials said on {date}.",
        ),
        facts=(
            "Water will be cut off in {district} and {district2} for {n_hours} hours a day "
            "under the rationing plan, {p0}, {r0}, {said}.",
            "Rainfall over the past year was {n_rain} per cent below the long-term average, "
            "the meteorological service said, the driest spell since {n_record}.",
            "Farmers in the valley east of {city} were selling cattle at half price because "
            "pasture had turned to dust and feed prices had doubled.",
            "The {reservoir} reservoir has shrunk so far that the ruins of a village flooded "
            "in the 1960s have reappeared above the waterline.",
            "{p1}, {r1}, {said} tankers were delivering drinking water to {n_villages} "
            "villages whose wells had run dry.",
            "Swimming pools, car washes and the watering of parks were banned, and fines of up "
            "to {n_fine} were announced for breaking the rules.",
            "Hydroelectric plants on the river cut output by {n_hydro} per cent, and the grid "
            "imported power from {near} to make up the shortfall.",
            "A desalination plant planned since {year} has not been built, {p2}, {r2}, said, "
            "because of a dispute over who should pay for it.",
            "Wheat and barley yields {may} fall by a third this season, the farmers' "
            "association warned, pushing up bread prices across {country}.",
            "Barges on the river were carrying half loads because of low water, and some "
            "ferry crossings near {near} were suspended.",
            "Climate scientists {said} droughts of this length had become roughly three times "
            "more likely in the region than a century ago.",
        ),
        quotes=(
            "I have farmed this land for forty years and never seen the ground crack like this",
            "Every litre we save now is a litre we will have in August",
            "We cannot keep hoping for rain as if it were a water policy",
            "The cattle cannot wait for the government to make up its mind",
        ),
        denials=(
            "{org}, the city's water company, denied that leaking pipes were to blame, "
            "saying losses had been cut by a quarter since {year}.",
        ),
        roles=(
            "director of the {city} water utility", "the agriculture minister",
            "head of the farmers' association", "a cattle farmer near {near}",
            "a climate scientist at the university of {city}", "the mayor of {city}",
        ),
        authority=("the {city} water utility", "the national meteorological service"),
        company=("Water", "Aqua", "Hydro"),
        words={
            "crop": ("wheat", "maize", "olive", "rice", "soybean"),
            "reservoir": ("northern", "upper valley", "main", "mountain"),
        },
        numbers={
            "level": (9, 24), "months": (5, 14), "crop": (30, 70), "hours": (8, 16),
            "rain": (40, 75), "record": (1920, 1960), "villages": (20, 140),
            "fine": (500, 3000), "hydro": (20, 60),
        },
    ),
    Kind(
        name="factory closure",
        event="the plant closure",
        headlines=(
            "{org} to close {city} {w_product} plant, {n_jobs} jobs lost",
            "Shock in {city} as {org} shuts factory",
            "Workers occupy {org} plant in {district} after closure news",
        ),
        leads=(
            "{org} said on {weekday} it would close its {w_product} plant in {city}, "
            "{country}, by the end of next year, cutting {n_jobs} jobs in a town where the "
            "factory has been the main employer for decades.",
            "Workers at the {org} {w_product} factory in {district} learned on {date} that the "
            "plant would close, with the loss of {n_jobs} jobs.",
        ),
        facts=(
            "{p0}, {r0}, {said} production would move to a newer plant in {near} where labour "
            "and energy costs were lower.",
            "The factory opened in {n_opened} and once employed more than {n_peak} people, "
            "making {w_product} for customers across the continent.",
            "Union leader {p1} called the decision a betrayal and said workers would occupy "
            "the plant gates on {street} until the company reconsidered.",
            "Suppliers in the industrial park of {district2} {may} lose a further {n_supply} "
            "jobs, the local chamber of commerce estimated.",
            "The company received {n_subsidy} million in public subsidies in {year} on the "
            "condition that it kept the plant open for ten years, {p2}, {r2}, said.",
            "Orders for {w_product} fell by {n_fall} per cent last year, and the plant ran at "
            "less than half its capacity, company figures show.",
            "Shops and bars around the factory gate said the closure would empty the "
            "neighbourhood, where many families have worked at the plant for three generations.",
            "The regional government said it would seek a buyer for the site and offered "
            "retraining for workers over the age of fifty.",
            "Redundancy talks with the works council are due to begin next month, and "
            "{org} promised severance above the legal minimum.",
            "Shares of {org} rose {n_shares} per cent after the announcement, as investors "
            "welcomed the cost cuts.",
            "The plant's last major investment, a {n_line} million production line, was "
            "installed only {n_ago} years ago.",
        ),
        quotes=(
            "They took public money and now they are taking our jobs",
            "This was a difficult decision, taken after every alternative had been examined",
            "My father worked on this line and so did his father",
            "We will hold the company to every promise it made",
        ),
        denials=(
            "{org} denied that it had broken the terms of the subsidy agreement, saying the "
            "ten-year period had ended.",
        ),
        roles=(
            "chief operating officer of {org}", "a union leader",
            "the regional economy minister", "president of the {city} chamber of commerce",
            "a machine operator for {n_tenure} years", "the mayor of {city}",
        ),
        authority=("the regional economy ministry", "the {city} labour office"),
        company=("Industries", "Manufacturing", "Works"),
        words={"product": (
            "car parts", "steel tube", "glass", "washing machine", "tyre", "battery",
        )},
        numbers={
            "jobs": (300, 2400), "opened": (1950, 1985), "peak": (3000, 8000),
            "supply": (200, 1500), "subsidy": (10, 90), "fall": (15, 40), "shares": (2, 9),
            "line": (20, 120), "ago": (3, 8), "tenure": (15, 32),
        },
    ),
    Kind(
        name="merger",
        event="the merger",
        headlines=(
            "{org} agrees {n_value} billion takeover of {target}",
            "{target} shares jump on {org} bid",
            "Regulators to scrutinise {org}-{target} deal",
        ),
        leads=(
            "{org} agreed on {weekday} to buy rival {target} for {n_value} billion in cash and "
            "shares, creating the largest {w_sector} company in {country}.",
            "{target}, the {w_sector} group based in {city}, accepted a takeover offer from "
            "{org} worth {n_value} billion on {date}.",
        ),
        facts=(
            "The offer values {target} at {n_price} per share, a premium of {n_premium} per "
            "cent to its closing price before talks were disclosed.",
            "{p0}, {r0}, {said} the combined company would save about {n_savings} million a "
            "year within three years, mostly from shared purchasing and technology.",
            "The deal needs approval from competition regulators, who {may} demand the sale "
            "of overlapping businesses in {near}.",
            "{target} shareholders will own {n_stake} per cent of the combined group, and "
            "{p1}, {r1}, will become chairman.",
            "Unions warned that up to {n_jobs} jobs could go at the two companies' "
            "headquarters in {city} and {near}.",
            "Shares of {target} jumped {n_jump} per cent in early trading, while those of "
            "{org} fell {n_drop} per cent.",
            "Talks between the two boards began in {year} but broke down over price, people "
            "familiar with the negotiations {said}.",
            "The merged group will have about {n_customers} million customers and annual "
            "revenue of roughly {n_revenue} billion.",
            "Analysts at {bank} said the price looked full but that the deal made strategic "
            "sense given rising costs across the {w_sector} industry.",
            "A rival bidder, {p2}'s investment fund, said it was considering a counter-offer, "
            "{reportedly} at a higher price.",
            "The transaction is expected to close in the second half of next year, subject "
            "to a shareholder vote.",
        ),
        quotes=(
            "Together we will be stronger, faster and better able to invest",
            "Our shareholders are being offered a fair price and a share of the future",
            "Every merger promises savings, and workers usually pay for them",
            "This is a good deal for customers, not just for investors",
        ),
        denials=(
            "{org} denied that it planned to close the headquarters of {target} in {city}.",
        ),
        roles=(
            "chief executive of {org}", "chairman of {target}",
            "an activist investor", "an analyst at {bank}",
            "a works council member at {target}", "the economy minister",
        ),
        authority=("the competition authority", "the financial markets regulator"),
        company=("Group", "Holdings", "Corporation"),
        words={"sector": (
            "telecoms", "insurance", "supermarket", "logistics", "media", "pharmaceutical",
        )},
        numbers={
            "value": (2, 40), "price": (20, 90), "premium": (18, 45), "savings": (100, 900),
            "stake": (30, 45), "jobs": (500, 4000), "jump": (12, 35), "drop": (2, 7),
            "customers": (3, 40), "revenue": (5, 60),
        },
    ),
    Kind(
        name="protest",
        event="the protests",
        headlines=(
            "Tens of thousands march in {city} against {w_cause}",
            "Police use tear gas on {city} protesters",
            "{city} protest over {w_cause} enters {n_day}th day",
        ),
        leads=(
            "Tens of thousands of people marched through {city}, {country}, on {weekday} to "
            "protest against {w_cause}, in the largest demonstration the city has seen in years.",
            "Police fired tear gas and water cannon at protesters in central {city} on {date} "
            "as demonstrations against {w_cause} turned violent.",
        ),
        facts=(
            "Organisers put the crowd at {n_crowd}, while police said about {n_police_count} "
            "people took part, {auth} said.",
            "Marchers gathered at {square} and walked to the parliament building, chanting "
            "and carrying banners and drums.",
            "{p0}, {r0}, {said} the protests would continue every {weekday} until the "
            "government withdrew the measure.",
            "Police arrested {n_arrests} people after a group broke away and smashed shop "
            "windows on {street}, {p1}, {r1}, said.",
            "{n_injured} officers and {n_injured2} protesters were treated for injuries, "
            "mostly from stones and tear gas.",
            "The movement began on social media in {year} and has drawn students, pensioners "
            "and trade unionists, {p2}, {r2}, said.",
            "Solidarity rallies were held in {near} and several other cities, with smaller "
            "crowds.",
            "The government {said} it was open to dialogue but would not be dictated to by "
            "the street.",
            "Metro stations in the centre of {city} were closed for the afternoon and buses "
            "diverted around the route of the march.",
            "Human rights groups criticised the use of rubber bullets, and the interior "
            "ministry {may} open an inquiry into the policing.",
            "Opinion polls suggest {n_support} per cent of voters back the protesters' demands.",
        ),
        quotes=(
            "We are here because nobody in power listens to us any other way",
            "Peaceful protest is a right, but violence will not be tolerated",
            "My grandmother marched here forty years ago and now I am marching",
            "The police charged a crowd that was sitting on the ground",
        ),
        denials=(
            "The interior ministry denied that police had used live ammunition, calling video "
            "circulating online misleading.",
        ),
        roles=(
            "a spokesperson for the protest movement", "the police chief of {city}",
            "a student organiser", "the interior minister",
            "a sociologist at the university of {city}", "a shop owner on {street}",
        ),
        authority=("the {city} police", "the interior ministry"),
        company=("Security", "Media", "Polling"),
        words={
            "cause": (
                "a pension reform", "fuel price rises", "a new media law",
                "a judicial overhaul", "tuition fees", "a housing bill",
            ),
            "square": ("{inv} Square", "the {inv} monument", "{city} central station",
                       "the gates of {inv} University"),
        },
        numbers={
            "day": (4, 9), "crowd": (40000, 200000), "police_count": (12000, 60000),
            "arrests": (20, 300), "injured": (5, 60), "injured2": (10, 90),
            "support": (45, 70),
        },
    ),
    Kind(
        name="landslide",
        event="the landslide",
        headlines=(
            "Landslide buries homes in {district} after heavy rain",
            "{n_dead} dead, dozens missing in {city} mudslide",
            "Hillside gives way above {city}",
        ),
        leads=(
            "A landslide triggered by days of heavy rain buried homes on the slopes of "
            "{district} in {city}, {country}, on {weekday}, killing at least {n_dead} people "
            "and leaving {n_missing} missing.",
            "A hillside collapsed above {city} on {date}, sending a torrent of mud and rocks "
            "through the {district} neighbourhood.",
        ),
        facts=(
            "{p0}, {r0}, {said} the slide swept away {n_houses} houses built on terraces cut "
            "into the slope.",
            "Rescuers digging with shovels and bare hands pulled {n_rescued} survivors from "
            "the mud, {auth} said.",
            "Geologists had classified the slope as high risk in {year}, but families stayed "
            "because they could not afford to move, {p1}, {r1}, said.",
            "More than {n_rain} millimetres of rain fell on the hills above the city in the "
            "{n_days} days before the slide.",
            "The road to {near} was buried under {n_depth} metres of earth and would take "
            "weeks to clear.",
            "Soldiers and heavy diggers were sent in, but rescuers {said} further movement "
            "of the slope {may} put them at risk.",
            "About {n_evacuated} people from neighbouring streets were moved to a sports hall "
            "in {district2}.",
            "{p2}, {r2}, said sirens meant to warn residents of ground movement had not "
            "sounded.",
            "Survivors described a roar like thunder before the mud reached their doors, "
            "carrying cars and trees with it.",
            "The national government released emergency funds and promised new housing on "
            "safer ground for the families who lost homes.",
            "Forecasters expected more rain over the weekend, raising fears of further "
            "slides along the same ridge.",
        ),
        quotes=(
            "The mountain came down on us in seconds",
            "We are still hoping to find people alive in air pockets",
            "Everyone knew this hill was dangerous, but where else could we live",
            "We will rehouse every family that lost its home",
        ),
        denials=(
            "The city council denied that it had issued building permits on the unstable "
            "slope, saying the houses were built illegally.",
        ),
        roles=(
            "the fire chief of {city}", "a geologist at the national survey",
            "a rescuer from {near}", "a resident of {district}",
            "the head of civil defence", "the housing minister",
        ),
        authority=("the {city} civil defence", "the geological survey"),
        company=("Quarrying", "Earthworks", "Developers"),
        numbers={
            "dead": (5, 60), "missing": (4, 50), "houses": (10, 80), "rescued": (6, 40),
            "rain": (150, 400), "days": (3, 7), "depth": (3, 12), "evacuated": (300, 3000),
        },
    ),
    Kind(
        name="ferry sinking",
        event="the ferry sinking",
        headlines=(
            "Ferry {vessel} sinks off {city} with {n_aboard} aboard",
            "Divers search wreck of {vessel}",
            "Overloading suspected in {city} ferry disaster",
        ),
        leads=(
            "The ferry {vessel} capsized and sank off {city}, {country}, on {weekday} with "
            "{n_aboard} people aboard, and at least {n_dead} were confirmed dead.",
            "Rescue boats searched the waters off {city} on {date} after the passenger ferry "
            "{vessel} went down in heavy seas.",
        ),
        facts=(
            "{n_rescued} passengers were pulled from the water by fishing boats and the coast "
            "guard, {p0}, {r0}, {said}.",
            "The ferry was licensed to carry {n_licensed} passengers, but survivors said it "
            "was crowded with people and motorbikes.",
            "The {vessel} left {near} in the early afternoon and sank about {n_km} kilometres "
            "from the harbour of {city}.",
            "Navy divers reached the wreck at a depth of {n_depth} metres but were hampered by "
            "strong currents, {auth} said.",
            "The captain and {n_crew} crew members survived and were detained, police said, "
            "and {reportedly} told investigators the cargo had shifted.",
            "Relatives waited at the harbour in {city} for news as the names of survivors were "
            "read from a list pinned to the ticket office.",
            "{org}, which operates the ferry, {said} it would pay compensation to families and "
            "had suspended its other crossings.",
            "The ferry was built in {n_built} and had been converted to carry vehicles, "
            "{p1}, {r1}, said.",
            "Waves of up to {n_waves} metres had been forecast, and a smaller vessel had "
            "turned back earlier that day.",
            "{p2}, {r2}, said the passenger manifest {may} be incomplete because tickets were "
            "also sold on board.",
            "The government declared a day of mourning and ordered inspections of all ferries "
            "on the island routes.",
        ),
        quotes=(
            "The ship leaned over and the water came in through the car deck",
            "We will not stop searching while there is any hope",
            "Everyone knows these boats are overloaded at holiday time",
            "I held on to a plastic crate for three hours until a fishing boat found me",
        ),
        denials=(
            "{org} denied that the {vessel} had been overloaded and said the passenger count "
            "was within its licence.",
        ),
        roles=(
            "coast guard commander", "a survivor from {near}",
            "the transport minister", "the head of the sailors' union",
            "a harbour master in {city}", "the provincial governor",
        ),
        authority=("the coast guard", "the maritime police"),
        company=("Ferries", "Sea Lines", "Island Shipping"),
        numbers={
            "aboard": (120, 600), "dead": (10, 120), "rescued": (60, 300),
            "licensed": (80, 350), "km": (4, 20), "depth": (20, 60), "crew": (4, 12),
            "built": (1975, 1995), "waves": (3, 6),
        },
    ),
    Kind(
        name="heatwave",
        event="the heatwave",
        headlines=(
            "{city} swelters as temperatures hit {n_temp}C",
            "Heatwave deaths rise in {country}",
            "Record heat closes schools in {city}",
        ),
        leads=(
            "Temperatures in {city}, {country}, reached {n_temp} degrees on {weekday}, "
            "a record for the city, as a heatwave entered its {n_day}th day.",
            "Hospitals in {city} reported a surge in heatstroke cases on {date} as the "
            "temperature climbed to {n_temp} degrees.",
        ),
        facts=(
            "The previous record of {n_prev} degrees was set in {n_record}, the weather "
            "service said.",
            "{p0}, {r0}, {said} emergency departments had treated {n_cases} people for heat "
            "exhaustion and dehydration in three days.",
            "At least {n_dead} deaths have been linked to the heat, most of them elderly "
            "people living alone, {auth} said.",
            "Cooling centres opened in libraries and community halls in {district} and "
            "{district2}, and volunteers checked on older neighbours.",
            "Schools closed early, and outdoor work on building sites was banned between noon "
            "and four in the afternoon.",
            "Electricity demand hit a record as air conditioners ran day and night, and the "
            "grid operator asked industry to cut usage.",
            "Rail tracks buckled on the line to {near}, and trains ran at reduced speed, "
            "{p1}, {r1}, said.",
            "Night temperatures stayed above {n_night} degrees, giving people no chance to "
            "recover, doctors {said}.",
            "Forecasters said relief {may} come only at the weekend, when a cold front is due "
            "from the west.",
            "Climate researchers said heatwaves of this intensity have become more frequent "
            "since {year}, {p2}, {r2}, said.",
            "Zoo keepers fed animals frozen fruit, and fountains in the old town were crowded "
            "with children.",
        ),
        quotes=(
            "Drink water, stay in the shade and check on your neighbours",
            "The nights are the worst, the flat never cools down",
            "We are seeing patients who simply cannot cope with this heat",
            "This is what the scientists warned us about twenty years ago",
        ),
        denials=(
            "The health ministry denied that it had been slow to activate the heat plan, "
            "saying alerts went out a week ahead.",
        ),
        roles=(
            "head of emergency medicine at the city hospital", "the health minister",
            "a meteorologist at the weather service", "a care worker in {district}",
            "a climate researcher at the university of {city}", "the mayor of {city}",
        ),
        authority=("the national weather service", "the {city} health department"),
        company=("Energy", "Power", "Utilities"),
        numbers={
            "temp": (41, 47), "day": (5, 12), "prev": (39, 42), "record": (1947, 2003),
            "cases": (300, 2500), "dead": (8, 120), "night": (26, 31),
        },
    ),
    Kind(
        name="chemical leak",
        event="the chemical leak",
        headlines=(
            "Toxic {w_gas} leak at {org} plant in {city}",
            "Residents told to stay indoors after {city} chemical leak",
            "{n_hospital} in hospital after {w_gas} escape in {district}",
        ),
        leads=(
            "A leak of {w_gas} from the {org} chemical plant in {city}, {country}, on "
            "{weekday} sent {n_hospital} people to hospital and forced residents of {district} "
            "to stay indoors.",
            "A cloud of {w_gas} escaped from a storage tank at a chemical works in {city} on "
            "{date}, the authorities said.",
        ),
        facts=(
            "The leak began during maintenance on a valve of a {n_tank}-cubic-metre tank, "
            "{p0}, {r0}, {said}.",
            "Residents within {n_radius} kilometres were told to close windows and switch off "
            "ventilation, and {n_schools} schools kept pupils inside.",
            "Hospitals treated people for burning eyes, coughing and breathing difficulties; "
            "{n_serious} were admitted in a serious condition.",
            "Specialist crews wearing gas-tight suits sealed the valve after {n_hours} hours, "
            "{auth} said.",
            "Air monitoring stations in {district2} recorded concentrations {n_times} times "
            "above safety limits for about an hour.",
            "The plant, which makes fertiliser and cleaning products, was fined in {year} for "
            "a smaller release, {p1}, {r1}, said.",
            "Prosecutors opened an investigation, and environmental inspectors {may} suspend "
            "the plant's operating licence.",
            "Farmers near {near} were told not to harvest vegetables until soil samples had "
            "been tested.",
            "{org} said the release had been contained and that it was cooperating with "
            "inspectors, {p2}, {r2}, said.",
            "The river downstream of the works was checked for dead fish, and water intakes "
            "for {city} were closed as a precaution.",
            "Sirens meant to warn residents of {district} did not sound, and many learned of "
            "the leak from social media.",
        ),
        quotes=(
            "My eyes were streaming and I could taste metal in my mouth",
            "The valve was isolated and the situation is under control",
            "Why did the sirens not sound, that is the first question",
            "We want independent tests, not tests paid for by the company",
        ),
        denials=(
            "{org} denied that the gas had reached dangerous levels outside the plant fence.",
        ),
        roles=(
            "plant manager at {org}", "head of the fire brigade's hazardous materials unit",
            "an environmental inspector", "a mother from {district}",
            "a toxicologist at the university hospital", "the environment minister",
        ),
        authority=("the {city} fire brigade", "the environmental inspectorate"),
        company=("Chemicals", "Chemie", "Industrial Gases"),
        words={"gas": ("chlorine", "ammonia", "sulphur dioxide", "hydrochloric acid vapour")},
        numbers={
            "hospital": (20, 300), "tank": (50, 500), "radius": (2, 6), "schools": (5, 30),
            "serious": (2, 15), "hours": (2, 8), "times": (3, 20),
        },
    ),
    Kind(
        name="airport closure",
        event="the airport shutdown",
        headlines=(
            "{airport} closed after {w_cause}",
            "Thousands stranded as {city} airport halts flights",
            "{n_flights} flights cancelled at {airport}",
        ),
        leads=(
            "All flights at {airport} in {city}, {country}, were suspended on {weekday} after "
            "{w_cause}, stranding thousands of passengers.",
            "{airport} halted take-offs and landings for {n_hours} hours on {date} after "
            "{w_cause}, the airport operator said.",
        ),
        facts=(
            "{n_flights} flights were cancelled and {n_diverted} diverted to {near}, affecting "
            "about {n_passengers} passengers, {org} said.",
            "{p0}, {r0}, {said} the safety of passengers and crew had to come first.",
            "Passengers slept on the floor of the terminal, and the airport handed out water "
            "and blankets overnight.",
            "Airlines said it {may} take {n_days} days to clear the backlog and get aircraft "
            "and crews back in position.",
            "The air traffic control centre serving {city} handles about {n_movements} flights "
            "a day, {p1}, {r1}, said.",
            "Hotels near the airport were fully booked within hours, and taxi fares into "
            "{city} rose sharply.",
            "Under passenger rights rules, travellers {reportedly} may be entitled to "
            "compensation of up to {n_comp} each.",
            "The airport was last closed in {year}, when a similar incident halted traffic "
            "for half a day.",
            "Police and aviation authorities opened an inquiry, and {p2}, {r2}, said findings "
            "would be published.",
            "Cargo flights carrying medical supplies were given priority when the runway "
            "reopened.",
            "Trains from the airport station to {near} were packed as travellers tried to "
            "reach other airports.",
        ),
        quotes=(
            "We were told nothing for four hours, then the flight was simply cancelled",
            "Safety is not something we negotiate on",
            "I have a connecting flight and a wedding to get to tomorrow",
            "We are working to get everyone where they need to go as soon as possible",
        ),
        denials=(
            "{org} denied that staff shortages had slowed the reopening of the runway.",
        ),
        roles=(
            "chief executive of {org}", "a spokeswoman for air traffic control",
            "an aviation analyst", "a stranded passenger from {near}",
            "the transport minister", "head of the airport police",
        ),
        authority=("the civil aviation authority", "air traffic control"),
        company=("Airport Company", "Airports", "Aviation"),
        words={
            "cause": (
                "drones were spotted over the runway", "a radar system failed",
                "a fuel leak on the apron", "a computer failure in the control tower",
                "a bomb threat",
            ),
            "airport": ("the international airport", "the main airport", "the city airport"),
        },
        numbers={
            "hours": (3, 14), "flights": (120, 900), "diverted": (10, 60),
            "passengers": (15000, 90000), "days": (2, 5), "movements": (400, 1500),
            "comp": (250, 600),
        },
    ),
    Kind(
        name="museum theft",
        event="the museum theft",
        headlines=(
            "Thieves steal {w_loot} from {city} museum",
            "{museum} robbery: {w_loot} worth {n_value} million taken",
            "Police hunt gang after {city} museum heist",
        ),
        leads=(
            "Thieves broke into {museum} in {city}, {country}, early on {weekday} and stole "
            "{w_loot} worth an estimated {n_value} million, police said.",
            "A gang raided {museum} in {city} on {date}, escaping with {w_loot} in under "
            "{n_minutes} minutes.",
        ),
        facts=(
            "The thieves entered through a window on the {n_floor} floor after cutting power "
            "to the alarm, {p0}, {r0}, {said}.",
            "Security cameras filmed {n_thieves} masked people smashing display cases with "
            "axes, {auth} said.",
            "The stolen pieces included a collection catalogued in {n_catalogued} and are "
            "considered priceless by historians, {p1}, {r1}, said.",
            "A getaway car was found burnt out near {near} hours later, and police set up "
            "roadblocks around {city}.",
            "International police were alerted and the items were added to a database of stolen art.",
            "The museum's insurance {may} not cover the full value, museum officials said, "
            "because the pieces were partly uninsured.",
            "An audit in {year} had warned that the alarm system was outdated, {p2}, {r2}, said.",
            "Experts {said} the gang might try to melt down precious metals or cut gems, which "
            "would make recovery impossible.",
            "The museum, on {street}, stayed closed to visitors while forensic teams worked.",
            "A reward of {n_reward} was offered for information leading to the recovery of "
            "the pieces.",
            "Two guards on duty that night were questioned and released, police said.",
        ),
        quotes=(
            "These objects belong to the whole nation, not just to this museum",
            "It was fast and it was planned, they knew exactly what they wanted",
            "Once the gold is melted, the history is gone forever",
            "We appeal to anyone who is offered these pieces to contact the police",
        ),
        denials=(
            "{org}, the museum's security contractor, denied that its guards had been "
            "negligent.",
        ),
        roles=(
            "director of {museum}", "chief curator",
            "an art crime investigator", "the culture minister",
            "a detective with the {city} police", "a neighbour who heard the alarm",
        ),
        authority=("the {city} police", "the art crime squad"),
        company=("Security", "Guarding", "Alarm Systems"),
        words={
            "loot": (
                "royal jewels", "gold coins", "a collection of ancient manuscripts",
                "two old master paintings", "a jewelled crown",
            ),
            "museum": ("the {inv} Museum", "the {city} City Museum", "the {inv} Treasury",
                       "the {city} Museum of Fine Arts"),
        },
        numbers={
            "value": (5, 120), "minutes": (4, 12), "floor": (1, 3), "thieves": (2, 5),
            "catalogued": (1820, 1910), "reward": (50000, 500000),
        },
    ),
    Kind(
        name="water contamination",
        event="the contamination",
        headlines=(
            "{city} tells residents not to drink tap water",
            "{w_agent} found in {city} water supply",
            "Boil-water notice for {n_homes} homes in {city}",
        ),
        leads=(
            "Residents of {city}, {country}, were told on {weekday} not to drink tap water "
            "after tests found {w_agent} in the supply serving about {n_homes} homes.",
            "The water utility in {city} issued a do-not-drink order on {date} after {w_agent} "
            "was detected at the {plant} treatment plant.",
        ),
        facts=(
            "{p0}, {r0}, {said} levels were {n_times} times the legal limit in samples from "
            "{district}.",
            "Bottled water was handed out from {n_points} distribution points, and "
            "supermarkets in {city} ran out within hours.",
            "The contamination {may} have come from a broken pipe near farmland, {auth} said.",
            "Hospitals reported {n_sick} people with stomach illness, {p1}, {r1}, said.",
            "The order applies to {district} and {district2}; the supply to {near} is not "
            "affected.",
            "Water will be flushed through the network and tested for at least {n_days} days "
            "before the order is lifted.",
            "Residents complained that text alerts arrived hours after the utility knew of the "
            "problem.",
            "{org} operates the plant under a contract signed in {year}; {p2}, {r2}, said the "
            "contract would be reviewed.",
            "Restaurants and cafes closed, and schools served packed lunches.",
            "Tests on {n_samples} samples taken on {weekday} were due within a day.",
        ),
        quotes=(
            "Do not drink the tap water, and do not give it to pets",
            "We need to know how long they knew before they told us",
            "Our labs are working around the clock on the samples",
            "Boiling will not help with this kind of contamination",
        ),
        denials=(
            "{org} denied that it had delayed warning residents.",
        ),
        roles=(
            "director of the {city} water utility", "a public health official",
            "a chemist at the testing laboratory", "a mother of two from {district}",
            "the environment minister", "a restaurant owner in {city}",
        ),
        authority=("the public health agency", "the {city} water utility"),
        company=("Water Services", "Utilities", "Aqua"),
        words={
            "agent": ("E. coli", "benzene", "nitrates", "lead", "diesel"),
            "plant": ("northern", "riverside", "eastern", "old town"),
        },
        numbers={
            "homes": (20000, 300000), "times": (3, 40), "points": (10, 60),
            "sick": (20, 400), "days": (3, 10), "samples": (40, 300),
        },
    ),
    Kind(
        name="bank failure",
        event="the bank collapse",
        headlines=(
            "Regulators seize {org} after run on deposits",
            "{org} collapses, depositors queue in {city}",
            "Government guarantees deposits after {org} failure",
        ),
        leads=(
            "Regulators in {country} took control of {org} on {weekday} after customers "
            "withdrew {n_withdrawn} million in two days, the biggest bank failure in the "
            "country since {n_since}.",
            "Depositors queued outside branches of {org} in {city} on {date} after the lender "
            "was placed under administration.",
        ),
        facts=(
            "{org} had assets of about {n_assets} billion and {n_customers} customers, most "
            "of them small businesses in {city} and {near}, {p0}, {r0}, {said}.",
            "Deposits up to {n_guarantee} are guaranteed by the state insurance fund, {auth} "
            "said.",
            "The bank lost heavily on commercial property loans after prices fell "
            "{n_fall} per cent since {year}.",
            "Shares of other regional lenders fell as much as {n_shares} per cent.",
            "{p1}, {r1}, {said} there was no risk to the wider banking system.",
            "Branches stayed closed on {weekday}, and cash machines dispensed a maximum of "
            "{n_limit} a day.",
            "Auditors had raised concerns about the loan book last year, {p2}, {r2}, said.",
            "A larger bank {may} take over the deposits and branches within days, people "
            "familiar with the talks said.",
            "The chief executive resigned, and prosecutors opened a fraud inquiry.",
            "Staff at the headquarters on {street} were told to keep working while "
            "administrators reviewed the accounts.",
        ),
        quotes=(
            "Every insured deposit is safe, and customers will have access to their money",
            "I have my whole pension in that bank",
            "The warning signs were there for anyone who read the accounts",
            "The system is sound; this was one badly run bank",
        ),
        denials=(
            "Former managers of {org} denied any wrongdoing.",
        ),
        roles=(
            "governor of the central bank", "the finance minister",
            "a banking analyst", "a pensioner queuing in {city}",
            "the administrator appointed by regulators", "a small business owner",
        ),
        authority=("the banking regulator", "the deposit insurance fund"),
        company=("Bank", "Savings Bank", "Credit Union"),
        numbers={
            "withdrawn": (300, 4000), "since": (1990, 2009), "assets": (4, 60),
            "customers": (80000, 900000), "guarantee": (50000, 100000), "fall": (15, 35),
            "shares": (5, 20), "limit": (200, 500),
        },
    ),
    Kind(
        name="wildfire",
        event="the wildfire",
        headlines=(
            "Wildfire forces evacuation of villages near {city}",
            "{n_hectares} hectares burned as fire spreads outside {city}",
            "Water-bombing planes fight {city} forest fire",
        ),
        leads=(
            "A wildfire fanned by strong winds burned through {n_hectares} hectares of "
            "{w_forest} outside {city}, {country}, on {weekday}, forcing thousands to leave.",
            "Firefighters battled a forest fire in the hills above {city} on {date}.",
        ),
        facts=(
            "{n_planes} water-bombing planes and {n_helis} helicopters joined {n_firefighters} "
            "firefighters on the ground, {auth} said.",
            "{p0}, {r0}, {said} the fire front was {n_front} kilometres long.",
            "Villages near {near} were evacuated, and {n_houses} houses were destroyed.",
            "Gusts of {n_wind} kilometres an hour carried embers across a motorway.",
            "The fire {may} have been started by sparks from farm machinery, {p1}, {r1}, said.",
            "Smoke shut the road between {city} and {near}, and flights were diverted.",
            "Shepherds moved flocks to the coast, and beekeepers lost hives.",
            "Firefighters from {district} worked {n_shifts} shifts in a row.",
            "A fire in {year} burned much of the same forest, {p2}, {r2}, said.",
            "Authorities banned access to forests across the province until further notice.",
        ),
        quotes=(
            "The wind changed and the fire came down the hill in minutes",
            "We lost everything, the house, the olive trees, the animals",
            "Our pilots are flying until the last light",
            "Please leave when you are told to leave",
        ),
        denials=(
            "{org}, whose power line crosses the valley, denied that its equipment caused "
            "the fire.",
        ),
        roles=(
            "head of the forest fire service", "the civil protection minister",
            "a pilot of a water-bombing plane", "a farmer near {near}",
            "a forestry expert", "the mayor of {city}",
        ),
        authority=("the forest fire service", "civil protection"),
        company=("Power", "Forestry", "Timber"),
        words={"forest": ("pine forest", "scrubland", "eucalyptus plantation", "oak woodland")},
        numbers={
            "hectares": (2000, 40000), "planes": (4, 20), "helis": (3, 15),
            "firefighters": (300, 2000), "front": (5, 30), "houses": (10, 200),
            "wind": (50, 90), "shifts": (2, 4),
        },
    ),
)
