"""Invented demo content for Masthead: sections, authors, tags and stories.

Everything here is fictional – the towns (Haldenau, Kesselbrunn, Rotmoor,
Lesná nad Wendlou, Tamarú), the people, companies, clubs and events. Any
resemblance to real persons or organisations is coincidental.

Ages are relative to the moment the demo data is loaded, so the front page
always shows a mix of minutes, hours, days and weeks.

The stories are in German and English; five of them are also in French and
Arabic, for `masthead demo --languages de,en,fr,ar` (the loader takes the
versions of the site's languages). French sets its quotation marks, colons
and semicolons with no-break spaces (U+00A0, U+202F before ";"), and one
Arabic headline holds a name in Latin script, for the checks of
bidirectional text.
"""

from datetime import timedelta

SECTIONS = [
    {"key": "world", "parent": None, "name": {"de": "Welt", "en": "World", "fr": "Monde", "ar": "العالم"}, "slug": {"de": "welt", "en": "world", "fr": "monde", "ar": "العالم"}},
    {"key": "europe", "parent": "world", "name": {"de": "Europa", "en": "Europe", "fr": "Europe", "ar": "أوروبا"}, "slug": {"de": "europa", "en": "europe", "fr": "europe", "ar": "أوروبا"}},
    {"key": "business", "parent": None, "name": {"de": "Wirtschaft", "en": "Business", "fr": "Économie", "ar": "اقتصاد"}, "slug": {"de": "wirtschaft", "en": "business", "fr": "economie", "ar": "اقتصاد"}},
    {"key": "science", "parent": None, "name": {"de": "Wissenschaft", "en": "Science", "fr": "Sciences", "ar": "علوم"}, "slug": {"de": "wissenschaft", "en": "science", "fr": "sciences", "ar": "علوم"}},
    {"key": "culture", "parent": None, "name": {"de": "Kultur", "en": "Culture", "fr": "Culture", "ar": "ثقافة"}, "slug": {"de": "kultur", "en": "culture", "fr": "culture", "ar": "ثقافة"}},
]  # fmt: skip

AUTHORS = [
    {
        "slug": "lena-hartmann",
        "name": "Lena Hartmann",
        "bio": {
            "de": "Lena Hartmann berichtet über Klima, Umwelt und internationale Themen. Bevor sie in die Redaktion kam, war sie drei Jahre lang Korrespondentin in Lissabon.",
            "en": "Lena Hartmann reports on climate, the environment and international affairs. Before joining the newsroom she spent three years as a correspondent in Lisbon.",
            "fr": "Lena Hartmann couvre le climat, l’environnement et l’actualité internationale. Avant de rejoindre la rédaction, elle a été pendant trois ans correspondante à Lisbonne.",
            "ar": "تغطي لينا هارتمان قضايا المناخ والبيئة والشؤون الدولية. وقبل انضمامها إلى هيئة التحرير عملت مراسلة في لشبونة لمدة ثلاث سنوات.",
        },
    },
    {
        "slug": "jonas-weidner",
        "name": "Jonas Weidner",
        "bio": {
            "de": "Jonas Weidner leitet das Wirtschaftsressort und schreibt über Energie, Mobilität und den Mittelstand im Wendeltal. Er fährt jeden Tag mit der Bahn in die Redaktion – meistens pünktlich.",
            "en": "Jonas Weidner is business editor and writes about energy, transport and the Wendeltal’s small and medium-sized firms. He commutes to the newsroom by train every day – usually on time.",
            "fr": "Jonas Weidner dirige le service Économie et écrit sur l’énergie, les transports et les PME du Wendeltal. Il vient tous les jours à la rédaction en train – le plus souvent à l’heure.",
            "ar": "يرأس يوناس فايدنر القسم الاقتصادي ويكتب عن الطاقة والنقل والشركات الصغيرة والمتوسطة في وادي فندل. يستقل القطار كل يوم إلى مقر التحرير، ويصل في موعده في أغلب الأحيان.",
        },
    },
    {
        "slug": "mira-sahin",
        "name": "Mira Şahin",
        "bio": {
            "de": "Mira Şahin schreibt über Kultur, Bildung und Wissenschaft. Sie hat Theaterwissenschaft studiert und sitzt bei Premieren am liebsten in der letzten Reihe.",
            "en": "Mira Şahin writes about culture, education and science. She studied theatre and prefers the back row on opening nights.",
            "fr": "Mira Şahin écrit sur la culture, l’éducation et les sciences. Elle a étudié les arts du spectacle et, les soirs de première, préfère le dernier rang.",
            "ar": "تكتب ميرا شاهين عن الثقافة والتعليم والعلوم. درست علوم المسرح، وتفضل الجلوس في الصف الأخير في ليالي العروض الأولى.",
        },
    },
]

TAGS = [
    {"key": "climate", "name": {"de": "Klima", "en": "Climate", "fr": "Climat", "ar": "المناخ"}, "slug": {"de": "klima", "en": "climate", "fr": "climat", "ar": "المناخ"}},
    {"key": "energy", "name": {"de": "Energie", "en": "Energy", "fr": "Énergie", "ar": "الطاقة"}, "slug": {"de": "energie", "en": "energy", "fr": "energie", "ar": "الطاقة"}},
    {"key": "transport", "name": {"de": "Verkehr", "en": "Transport", "fr": "Transports", "ar": "النقل"}, "slug": {"de": "verkehr", "en": "transport", "fr": "transports", "ar": "النقل"}},
    {"key": "local-politics", "name": {"de": "Kommunalpolitik", "en": "Local politics", "fr": "Politique locale", "ar": "السياسة المحلية"}, "slug": {"de": "kommunalpolitik", "en": "local-politics", "fr": "politique-locale", "ar": "السياسة-المحلية"}},
    {"key": "research", "name": {"de": "Forschung", "en": "Research", "fr": "Recherche", "ar": "البحث العلمي"}, "slug": {"de": "forschung", "en": "research", "fr": "recherche", "ar": "البحث-العلمي"}},
    {"key": "education", "name": {"de": "Bildung", "en": "Education", "fr": "Éducation", "ar": "التعليم"}, "slug": {"de": "bildung", "en": "education", "fr": "education", "ar": "التعليم"}},
    {"key": "sport", "name": {"de": "Sport", "en": "Sport", "fr": "Sport", "ar": "الرياضة"}, "slug": {"de": "sport", "en": "sport", "fr": "sport", "ar": "الرياضة"}},
    {"key": "theatre", "name": {"de": "Theater", "en": "Theatre", "fr": "Théâtre", "ar": "المسرح"}, "slug": {"de": "theater", "en": "theatre", "fr": "theatre", "ar": "المسرح"}},
    {"key": "startups", "name": {"de": "Start-ups", "en": "Start-ups", "fr": "Start-up", "ar": "الشركات الناشئة"}, "slug": {"de": "start-ups", "en": "start-ups", "fr": "start-up", "ar": "الشركات-الناشئة"}},
    {"key": "housing", "name": {"de": "Wohnen", "en": "Housing", "fr": "Logement", "ar": "السكن"}, "slug": {"de": "wohnen", "en": "housing", "fr": "logement", "ar": "السكن"}},
]  # fmt: skip

STORIES = [
    # ------------------------------------------------------------------ 7 minutes
    {
        "section": "science",
        "authors": ["lena-hartmann"],
        "tags": ["climate", "research"],
        "age": timedelta(minutes=7),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "hochkamm-station-misst-duennste-schneedecke-seit-messbeginn",
                "headline": "Hochkamm-Station misst dünnste Schneedecke seit Beginn der Messungen",
                "standfirst": "Auf dem Hochkamm lagen im Februar im Schnitt nur 31 Zentimeter Schnee – so wenig wie nie seit 1961. Die Forschenden der Bergstation sehen darin mehr als einen Ausreißer.",
                "body": (
                    "<p>Die Forschungsstation auf dem Hochkamm hat den schneeärmsten Februar seit Beginn ihrer Aufzeichnungen registriert. Im Monatsmittel lag die Schneedecke an der Messstelle auf 1.412 Metern bei 31 Zentimetern. Der langjährige Durchschnitt beträgt 94 Zentimeter. Das geht aus vorläufigen Daten hervor, die das Team um Stationsleiterin Dr. Katrin Vogelsang veröffentlicht hat.</p>"
                    "<p>„Schneearme Winter hatten wir schon öfter, aber dieser passt in ein Muster, das wir seit zwanzig Jahren beobachten“, sagte Vogelsang. Vor allem regne es inzwischen deutlich häufiger bis in die Gipfellagen. Im Februar fiel der Niederschlag an elf Tagen als Regen – früher war das in diesem Monat die Ausnahme.</p>"
                    "<h2>Folgen für Wasser und Wald</h2>"
                    "<p>Die dünne Schneedecke ist nicht nur ein Problem für die Skilifte am Nordhang, die in dieser Saison an gerade einmal 19 Tagen laufen konnten. Schnee wirkt im Wendeltal wie ein natürlicher Speicher: Er taut im Frühjahr langsam ab und füllt Quellen und Grundwasser auf. Fehlt er, fließt das Wasser viel schneller über die Wendel ab.</p>"
                    "<p>Die Stadtwerke Haldenau beobachten die Entwicklung deshalb genau. Die Trinkwasserversorgung sei derzeit gesichert, teilte ein Sprecher mit. Man prüfe aber, ob der Hochbehälter in Rotmoor früher als geplant erweitert werden müsse.</p>"
                    "<p>Auch für den Bergwald ist der Winter eine Belastung. Forstleute berichten von Fichten, die nach dem trockenen Vorjahr bereits geschwächt in die kalte Jahreszeit gegangen seien. Ohne Schneeschmelze fehle ihnen im Frühjahr die Feuchtigkeit.</p>"
                    "<h2>Eine Messreihe seit 1961</h2>"
                    '<p>Die Station auf dem Hochkamm gehört seit 1961 zum Messnetz des Landes und wird heute von der Universität Haldenau betrieben. Sie erfasst neben Schnee und Temperatur auch Wind, Strahlung und die Zusammensetzung der Luft. Die vollständigen Daten für den Winter sollen im April vorliegen und dann <a href="https://example.org/hochkamm/daten">online einsehbar</a> sein.</p>'
                    "<p>Vogelsang warnt allerdings davor, aus einem einzelnen Monat zu viel abzuleiten. „Ein Winter macht noch keinen Trend. Aber wir haben inzwischen sechs Jahrzehnte an Daten, und die sprechen eine ziemlich klare Sprache“, sagte sie.</p>"
                ),
            },
            "en": {
                "slug": "hochkamm-station-records-thinnest-snow-cover-since-1961",
                "headline": "Hochkamm research station records thinnest snow cover since 1961",
                "standfirst": "Snow on the Hochkamm averaged just 31 centimetres in February, the lowest figure since measurements began. Scientists at the mountain station say it fits a longer pattern.",
                "body": (
                    "<p>The research station on the Hochkamm has recorded its least snowy February since measurements began more than six decades ago. Snow at the station’s measuring site, 1,412 metres above sea level, averaged 31 centimetres over the month, against a long-term average of 94 centimetres. The provisional figures were published by the team led by station director Dr Katrin Vogelsang.</p>"
                    "<p>“We’ve had poor winters before, but this one fits a pattern we have been seeing for twenty years,” Vogelsang said. Above all, she added, rain now falls far more often on the summit ridge. In February, precipitation came down as rain on eleven days – something that used to be rare at this time of year.</p>"
                    "<h2>Why it matters down in the valley</h2>"
                    "<p>The thin snow is not only bad news for the ski lifts on the north slope, which managed just 19 days of operation this season. In the Wendeltal, snow acts as a natural reservoir: it melts slowly in spring and tops up springs and groundwater. Without it, water runs off much faster down the River Wendel.</p>"
                    "<p>Haldenau’s municipal utility is watching closely. Drinking water supplies are secure for now, a spokesperson said, but the utility is looking at whether the reservoir at Rotmoor needs to be enlarged sooner than planned.</p>"
                    "<p>The mountain forest is under strain, too. Foresters say many spruce trees went into the winter already weakened by last year’s dry summer and will lack moisture in spring if there is little snowmelt.</p>"
                    "<h2>Six decades of data</h2>"
                    '<p>The Hochkamm station has been part of the state monitoring network since 1961 and is now run by the University of Haldenau. Besides snow and temperature, it records wind, solar radiation and the composition of the air. Full data for the winter is due in April and will be <a href="https://example.org/hochkamm/data">available online</a>.</p>'
                    "<p>Vogelsang cautions against reading too much into a single month. “One winter doesn’t make a trend. But we now have sixty years of measurements, and they tell a fairly clear story,” she said.</p>"
                ),
            },
            "fr": {
                "slug": "la-station-du-hochkamm-mesure-l-enneigement-le-plus-faible-depuis-1961",
                "headline": "La station du Hochkamm mesure l’enneigement le plus faible depuis 1961",
                "standfirst": "En février, la neige n’a atteint en moyenne que 31 centimètres sur le Hochkamm, du jamais-vu depuis le début des relevés. Pour les scientifiques de la station de montagne, ce n’est pas une simple anomalie.",
                "body": (
                    "<p>La station de recherche du Hochkamm a enregistré le mois de février le moins enneigé depuis le début de ses relevés, il y a plus de soixante ans. Sur le site de mesure, à 1 412 mètres d’altitude, l’épaisseur moyenne de la neige a été de 31 centimètres sur le mois, contre 94 centimètres en moyenne sur le long terme. Ces chiffres provisoires ont été publiés par l’équipe de Katrin Vogelsang, qui dirige la station.</p>"
                    "<p>« Nous avons déjà connu des hivers pauvres en neige, mais celui-ci s’inscrit dans une tendance que nous observons depuis vingt ans », explique la chercheuse. Surtout, il pleut désormais bien plus souvent jusque sur les crêtes. En février, les précipitations sont tombées sous forme de pluie pendant onze jours, ce qui était autrefois exceptionnel à cette période de l’année.</p>"
                    "<h2>Des conséquences pour l’eau et pour la forêt</h2>"
                    "<p>Le faible enneigement n’est pas seulement un problème pour les remontées mécaniques du versant nord, qui n’ont pu tourner que 19 jours cette saison. Dans le Wendeltal, la neige joue le rôle d’un réservoir naturel : elle fond lentement au printemps et alimente les sources et les nappes phréatiques. Sans elle, l’eau s’écoule beaucoup plus vite par la Wendel.</p>"
                    "<p>La régie des eaux de Haldenau suit donc la situation de près. L’approvisionnement en eau potable est assuré pour l’instant, a indiqué un porte-parole, mais la régie se demande s’il faudra agrandir plus tôt que prévu le réservoir de Rotmoor.</p>"
                    "<p>La forêt de montagne souffre elle aussi. Selon les forestiers, de nombreux épicéas, déjà affaiblis par la sécheresse de l’an dernier, sont entrés dans l’hiver en mauvais état. Sans fonte des neiges, l’humidité leur manquera au printemps.</p>"
                    "<h2>Soixante ans de mesures</h2>"
                    '<p>La station du Hochkamm appartient depuis 1961 au réseau de mesure du Land ; elle est aujourd’hui exploitée par l’université de Haldenau. Outre la neige et la température, elle enregistre le vent, le rayonnement solaire et la composition de l’air. Les données complètes de l’hiver sont attendues en avril et seront alors <a href="https://example.org/hochkamm/donnees">consultables en ligne</a>.</p>'
                    "<p>Katrin Vogelsang met toutefois en garde contre les conclusions hâtives tirées d’un seul mois. « Un hiver ne fait pas une tendance. Mais nous disposons désormais de soixante ans de données, et elles parlent un langage assez clair », souligne-t-elle.</p>"
                ),
            },
            "ar": {
                "slug": "محطة-هوخكام-تسجل-أدنى-سماكة-للثلوج-منذ-1961",
                "headline": "محطة هوخكام تسجل أدنى سماكة للثلوج منذ بدء القياسات عام 1961",
                "standfirst": "لم يتجاوز متوسط سماكة الثلوج على قمة هوخكام في فبراير 31 سنتيمترًا، وهو أدنى مستوى منذ بدء القياسات. ويرى علماء المحطة الجبلية أن الأمر أبعد من أن يكون حالة عابرة.",
                "body": (
                    "<p>سجلت محطة الأبحاث على قمة هوخكام أقل شهر فبراير ثلوجًا منذ أن بدأت قياساتها قبل أكثر من ستة عقود. فقد بلغ متوسط سماكة الغطاء الثلجي في موقع القياس، الواقع على ارتفاع 1412 مترًا فوق سطح البحر، 31 سنتيمترًا خلال الشهر، مقابل متوسط طويل الأمد يبلغ 94 سنتيمترًا. ونشر هذه الأرقام الأولية فريق المحطة بقيادة مديرتها كاترين فوغلزانغ.</p>"
                    "<p>وقالت فوغلزانغ: «عرفنا شتاءات شحيحة الثلوج من قبل، لكن هذا الشتاء يندرج في نمط نرصده منذ عشرين عامًا». وأضافت أن المطر بات يهطل أكثر من ذي قبل حتى على القمم، إذ هطلت الأمطار بدلًا من الثلوج في أحد عشر يومًا من فبراير، وهو أمر كان نادرًا في هذا الوقت من السنة.</p>"
                    "<h2>تداعيات على المياه والغابات</h2>"
                    "<p>ولا تقتصر مشكلة الغطاء الثلجي الرقيق على مصاعد التزلج في المنحدر الشمالي، التي لم تعمل هذا الموسم سوى 19 يومًا. ففي وادي فندل تؤدي الثلوج دور خزان طبيعي، إذ تذوب ببطء في الربيع وتغذي الينابيع والمياه الجوفية، ومن دونها تجري المياه بسرعة أكبر بكثير عبر نهر فندل.</p>"
                    "<p>لذلك تتابع شركة المرافق البلدية في هالدناو التطورات عن كثب. وقال متحدث باسمها إن إمدادات مياه الشرب مضمونة في الوقت الحالي، لكن الشركة تدرس ما إذا كان عليها توسيع خزان روتمور في وقت أبكر مما كان مقررًا.</p>"
                    "<p>وتعاني الغابات الجبلية بدورها، إذ يقول عاملون في الحراجة إن كثيرًا من أشجار التنوب دخلت فصل الشتاء منهكة أصلًا بعد جفاف العام الماضي، وستفتقر إلى الرطوبة في الربيع إذا شح ذوبان الثلوج.</p>"
                    "<h2>ستة عقود من البيانات</h2>"
                    '<p>تنتمي محطة هوخكام منذ عام 1961 إلى شبكة الرصد التابعة للولاية، وتديرها اليوم جامعة هالدناو. وإلى جانب الثلوج ودرجات الحرارة، ترصد المحطة الرياح والإشعاع الشمسي وتركيب الهواء. ومن المنتظر أن تصدر البيانات الكاملة لفصل الشتاء في أبريل، وستكون حينها <a href="https://example.org/hochkamm/data">متاحة على الإنترنت</a>.</p>'
                    "<p>غير أن فوغلزانغ تحذر من استخلاص استنتاجات كبيرة من شهر واحد، وتقول: «شتاء واحد لا يصنع اتجاهًا. لكن لدينا الآن بيانات ستين عامًا، وهي تتحدث بلغة واضحة إلى حد بعيد».</p>"
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 38 minutes
    {
        "section": "business",
        "authors": ["jonas-weidner"],
        "tags": ["energy", "housing", "local-politics"],
        "age": timedelta(minutes=38),
        "updated_after": timedelta(minutes=20),
        "status": "published",
        "versions": {
            "de": {
                "slug": "haldenau-verdoppelt-zuschuss-fuer-waermepumpen-in-altbauten",
                "headline": "Haldenau verdoppelt Zuschuss für Wärmepumpen in Altbauten",
                "standfirst": "Wer ein Haus aus der Zeit vor 1978 auf eine Wärmepumpe umrüstet, bekommt von der Stadt künftig bis zu 6.000 Euro. Der Stadtrat hat das Programm mit großer Mehrheit beschlossen.",
                "body": (
                    "<p>Die Stadt Haldenau fördert den Einbau von Wärmepumpen in älteren Wohnhäusern künftig doppelt so stark wie bisher. Der Stadtrat beschloss mit 41 zu 9 Stimmen, den städtischen Zuschuss für Gebäude mit Baujahr vor 1978 von 3.000 auf 6.000 Euro anzuheben. Für das Programm stehen in den kommenden zwei Jahren insgesamt 4,5 Millionen Euro bereit.</p>"
                    '<p>Der Zuschuss der Stadt kommt zu den Förderungen von Bund und Land hinzu. Voraussetzung ist eine Energieberatung vor dem Einbau, die die Stadt ebenfalls bezuschusst. Anträge können in Kürze <a href="https://example.org/haldenau/waermepumpe">über das Serviceportal der Stadt</a> gestellt werden.</p>'
                    "<h2>Altbauviertel im Fokus</h2>"
                    "<p>Gerade in älteren Vierteln wie der Südstadt oder rund um den Kesselberg heizen viele Haushalte noch mit Öl oder Gas. „Lange hieß es, Wärmepumpen funktionieren nur im Neubau. Unsere Beratungen zeigen, dass das in den meisten Fällen nicht stimmt“, sagte Malte Iversen, Leiter der städtischen Klimaschutzstelle. Oft reiche es, einzelne Heizkörper auszutauschen.</p>"
                    "<p>Bislang gingen bei der Stadt nach eigenen Angaben rund 380 Anträge pro Jahr ein. Mit dem höheren Zuschuss rechnet die Verwaltung mit mehr als doppelt so vielen.</p>"
                    "<p>Kritik kam von der Bürgerliste Haldenau. Sie hält das Geld in der Sanierung von Schulen für besser angelegt. Einigen Stadträtinnen und Stadträten aus dem linken Lager ging die Förderung dagegen nicht weit genug; ihr Antrag auf 8.000 Euro fand aber keine Mehrheit.</p>"
                    "<h2>Handwerk warnt vor Engpässen</h2>"
                    "<p>Die Kreishandwerkerschaft begrüßte den Beschluss, warnte aber vor langen Wartezeiten. Viele Heizungsbaubetriebe seien schon bis in den Herbst ausgebucht. „Wer umsteigen will, sollte sich jetzt um einen Termin kümmern und nicht erst im Oktober anrufen“, sagte Obermeister Frank Rehbein.</p>"
                    "<p>Für Hausbesitzerin Gerda Pohl aus der Südstadt kommt die Entscheidung gerade recht. Ihr Haus stammt aus dem Jahr 1954, die Ölheizung ist 31 Jahre alt. „Mit 6.000 Euro mehr sieht die Rechnung plötzlich ganz anders aus“, sagte sie nach der Sitzung.</p>"
                    "<p><em>Aktualisiert: Der Artikel wurde um die Einschätzung der Kreishandwerkerschaft ergänzt.</em></p>"
                ),
            },
            "en": {
                "slug": "haldenau-doubles-subsidy-for-heat-pumps-in-older-homes",
                "headline": "Haldenau doubles subsidy for heat pumps in older homes",
                "standfirst": "Owners of houses built before 1978 will now get up to €6,000 from the city for switching to a heat pump. Councillors backed the scheme by a large majority.",
                "body": (
                    "<p>Haldenau is doubling its support for homeowners who replace old boilers with heat pumps. The city council voted 41 to 9 to raise the municipal grant for houses built before 1978 from €3,000 to €6,000. A total of €4.5 million has been set aside for the scheme over the next two years.</p>"
                    '<p>The city’s grant comes on top of federal and state funding. Applicants must first have an energy assessment, which the city also subsidises. Applications will open shortly via <a href="https://example.org/haldenau/heat-pumps">the city’s online service portal</a>.</p>'
                    "<h2>Older neighbourhoods in focus</h2>"
                    "<p>Many households in Haldenau’s older districts, such as Südstadt and the streets around the Kesselberg, still heat their homes with oil or gas. “For years people said heat pumps only work in new buildings. Our assessments show that, in most cases, that simply isn’t true,” said Malte Iversen, who heads the city’s climate protection office. Often, he said, replacing a few radiators is enough.</p>"
                    "<p>According to the city, it has so far received around 380 applications a year. With the higher grant, officials expect more than twice as many.</p>"
                    "<p>The Bürgerliste Haldenau group opposed the plan, arguing that the money would be better spent on repairing schools. Some councillors on the left, meanwhile, wanted to go further, but their proposal for an €8,000 grant failed to win a majority.</p>"
                    "<h2>Installers warn of bottlenecks</h2>"
                    "<p>The district’s trades association welcomed the decision but warned of long waiting times, with many heating engineers already booked up until the autumn. “Anyone who wants to switch should book an installer now rather than ringing round in October,” said Frank Rehbein, who chairs the local heating and plumbing guild.</p>"
                    "<p>For Gerda Pohl, who lives in Südstadt, the decision comes at just the right time. Her house dates from 1954 and her oil boiler is 31 years old. “With an extra €6,000, the sums suddenly look very different,” she said after the meeting.</p>"
                    "<p><em>This article has been updated with comments from the local trades association.</em></p>"
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 1 hour (draft)
    {
        "section": "europe",
        "authors": ["jonas-weidner", "lena-hartmann"],
        "tags": ["climate", "local-politics"],
        "age": timedelta(hours=1),
        "updated_after": None,
        "status": "draft",
        "versions": {
            "de": {
                "slug": "strengere-duengeregeln-landwirte-im-wendeltal-fuerchten-ertraege",
                "headline": "Strengere Düngeregeln: Landwirte im Wendeltal fürchten um ihre Erträge",
                "standfirst": "Weil das Grundwasser zu viel Nitrat enthält, weist das Land neue Schutzgebiete aus. Im Wendeltal betrifft das fast ein Drittel der Ackerfläche – und sorgt für Streit.",
                "body": (
                    "<p>Für viele Höfe im Wendeltal beginnt die neue Saison mit strengeren Auflagen. Das Land hat die Gebiete, in denen das Grundwasser zu stark mit Nitrat belastet ist, neu abgegrenzt. Im Wendeltal liegen nun rund 5.300 Hektar in einem solchen Gebiet – fast ein Drittel der Ackerfläche. Dort dürfen Landwirte künftig 20 Prozent weniger Stickstoff ausbringen, als ihre Pflanzen rechnerisch benötigen.</p>"
                    "<p>Hintergrund sind europäische Vorgaben zum Schutz des Grundwassers. An mehreren Messstellen zwischen Rotmoor und Kesselbrunn liegen die Nitratwerte seit Jahren über dem Grenzwert von 50 Milligramm pro Liter.</p>"
                    "<h2>„Wir werden für alte Fehler bestraft“</h2>"
                    "<p>Bernd Oltmann bewirtschaftet bei Rotmoor 140 Hektar, vor allem Weizen, Raps und Zuckerrüben. Er hält die neuen Grenzen für ungerecht. „Wir haben in den letzten Jahren viel umgestellt, weniger gedüngt und Zwischenfrüchte angebaut. Trotzdem landen wir jetzt im roten Gebiet, weil eine einzige Messstelle schlechte Werte liefert“, sagt er. Er rechnet beim Weizen mit Ertragseinbußen von zehn bis fünfzehn Prozent.</p>"
                    "<p>Der Kreisbauernverband Wendeltal fordert, das Messnetz deutlich zu verdichten. Nur so lasse sich feststellen, welche Flächen tatsächlich zur Belastung beitragen und welche nicht.</p>"
                    "<h2>Wasserversorger sieht erste Fortschritte</h2>"
                    "<p>Die Stadtwerke Haldenau, die einen Teil ihres Trinkwassers aus dem Wendeltal beziehen, sehen die Lage differenzierter. Die Werte an einigen Brunnen seien zuletzt leicht gesunken. „Das zeigt, dass die Anstrengungen der Landwirtschaft wirken. Aber Grundwasser hat ein langes Gedächtnis, Verbesserungen brauchen Jahrzehnte“, sagt die Hydrogeologin Dr. Miriam Kolbe.</p>"
                    "<p>Seit einigen Jahren arbeiten Stadtwerke und Landwirte in einer Kooperation zusammen: Betriebe, die im Einzugsgebiet der Brunnen besonders gewässerschonend wirtschaften, erhalten einen finanziellen Ausgleich. Derzeit machen 46 Höfe mit.</p>"
                    '<p>Das Land will die Gebietsgrenzen in vier Jahren erneut überprüfen. Betroffene Betriebe können bis zum Ende des Quartals Einwände erheben. Eine Übersicht der neuen Gebiete veröffentlicht das Landesumweltamt <a href="https://example.org/nitrat/karte">als interaktive Karte</a>.</p>'
                ),
            },
            "en": {
                "slug": "stricter-fertiliser-rules-worry-wendeltal-farmers",
                "headline": "Stricter fertiliser rules leave Wendeltal farmers fearing for their harvests",
                "standfirst": "Because groundwater contains too much nitrate, the state is designating new protection zones. In the Wendeltal, almost a third of all arable land is affected – and tempers are fraying.",
                "body": (
                    "<p>For many farms in the Wendeltal, the new season begins with tighter restrictions. The state has redrawn the areas in which groundwater is too heavily polluted with nitrate, and around 5,300 hectares in the valley – almost a third of its arable land – now fall inside one. Farmers there will have to apply 20 per cent less nitrogen than their crops are calculated to need.</p>"
                    "<p>The changes follow European rules on protecting groundwater. At several monitoring points between Rotmoor and Kesselbrunn, nitrate levels have exceeded the limit of 50 milligrams per litre for years.</p>"
                    "<h2>“We’re being punished for old mistakes”</h2>"
                    "<p>Bernd Oltmann farms 140 hectares near Rotmoor, mostly wheat, rapeseed and sugar beet. He thinks the new boundaries are unfair. “We’ve changed a lot in recent years – less fertiliser, cover crops over the winter. And still we end up in a red zone because one single monitoring well gives bad readings,” he says. He expects his wheat yields to fall by ten to fifteen per cent.</p>"
                    "<p>The Wendeltal farmers’ association is calling for a much denser network of monitoring wells. Only then, it argues, will it be possible to tell which fields are actually contributing to the problem and which are not.</p>"
                    "<h2>Water supplier sees early progress</h2>"
                    "<p>Haldenau’s municipal utility, which draws part of its drinking water from the Wendeltal, takes a more nuanced view. Readings at some of its wells have recently fallen slightly. “That shows farmers’ efforts are working. But groundwater has a long memory – improvements take decades,” says hydrogeologist Dr Miriam Kolbe.</p>"
                    "<p>For several years, the utility and local farmers have worked together in a partnership: farms that take particular care to protect water in the wells’ catchment area receive compensation. Forty-six farms currently take part.</p>"
                    '<p>The state plans to review the boundaries again in four years. Affected farms can lodge objections until the end of the quarter. The state environment agency has published the new zones <a href="https://example.org/nitrate/map">as an interactive map</a>.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 3 hours
    {
        "section": "world",
        "authors": ["lena-hartmann"],
        "tags": ["climate", "local-politics"],
        "age": timedelta(hours=3),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "nach-der-flut-wasserfachleute-reisen-in-partnerstadt-tamaru",
                "headline": "Nach der Flut: Haldenauer Wasserfachleute reisen in Partnerstadt Tamarú",
                "standfirst": "Schwere Regenfälle haben in der peruanischen Partnerstadt Haldenaus die Trinkwasserversorgung lahmgelegt. Vier Fachleute der Stadtwerke sollen nun beim Wiederaufbau helfen.",
                "body": (
                    "<p>Vier Ingenieurinnen und Ingenieure der Stadtwerke Haldenau brechen in den kommenden Tagen nach Tamarú auf. Die Kleinstadt in den peruanischen Anden ist seit 1994 Partnerstadt Haldenaus. Nach tagelangem Starkregen hatte dort Anfang des Monats ein Erdrutsch die wichtigste Zuleitung aus dem Quellgebiet zerstört. Rund 14.000 Menschen werden seitdem mit Tankwagen versorgt.</p>"
                    "<p>Die Stadtverwaltung von Tamarú hatte Haldenau um technische Hilfe gebeten. „Pumpen und Rohre haben wir. Was uns fehlt, sind Leute, die so eine Leitung in steilem Gelände planen können“, sagte Bürgermeisterin Rosa Quispe Mamani in einer Videoschalte mit dem Haldenauer Rathaus.</p>"
                    "<h2>Drei Wochen vor Ort</h2>"
                    "<p>Das Team um den Wassertechniker Felix Amrhein soll drei Wochen bleiben. Geplant ist zunächst eine provisorische Leitung, die das Stadtzentrum wieder ans Netz bringt. Danach wollen die Fachleute gemeinsam mit den Kolleginnen und Kollegen vor Ort eine dauerhafte Lösung entwerfen, die künftigen Unwettern besser standhält.</p>"
                    "<p>„Wir fahren nicht hin, um alles besser zu wissen“, sagte Amrhein vor der Abreise. „Die Leute dort kennen ihre Berge. Wir bringen Erfahrung mit Hangsicherung und Netzplanung mit – und hoffentlich ein paar gute Ideen.“</p>"
                    "<p>Die Kosten für den Einsatz trägt die Stadt Haldenau aus ihrem Budget für kommunale Entwicklungszusammenarbeit. Der Stadtrat hatte die Mittel in einer Sondersitzung ohne Gegenstimmen freigegeben.</p>"
                    "<h2>Spenden aus der Bürgerschaft</h2>"
                    "<p>Parallel sammelt der Freundeskreis Haldenau–Tamarú Spenden für Familien, deren Häuser beschädigt wurden. Nach Angaben des Vereins sind bereits mehr als 62.000 Euro zusammengekommen. Verteilt werden soll das Geld über eine Kirchengemeinde in Tamarú, mit der der Verein seit Jahren zusammenarbeitet.</p>"
                    '<p>Fachleute sehen in der Flut auch eine Folge veränderter Niederschlagsmuster in den Anden. Die Regenzeiten seien dort zuletzt kürzer, aber heftiger ausgefallen, sagt die Geografin Dr. Elena Sandoval von der Universität Haldenau. Informationen zur Spendenaktion gibt es <a href="https://example.org/tamaru/spenden">auf der Website des Freundeskreises</a>.</p>'
                ),
            },
            "en": {
                "slug": "after-the-floods-haldenau-engineers-head-to-twin-town-tamaru",
                "headline": "After the floods: Haldenau water engineers head to twin town Tamarú",
                "standfirst": "Torrential rain has cut off the water supply in Haldenau’s Peruvian twin town. Four engineers from the city’s utility are on their way to help rebuild it.",
                "body": (
                    "<p>Four engineers from Haldenau’s municipal utility will set off for Tamarú in the coming days. The small town in the Peruvian Andes has been twinned with Haldenau since 1994. After days of torrential rain earlier this month, a landslide there destroyed the main pipeline bringing water down from the springs. Since then, around 14,000 people have relied on tanker lorries.</p>"
                    "<p>Tamarú’s town hall had asked Haldenau for technical help. “We have pumps and we have pipes. What we don’t have is people who can design a pipeline across terrain this steep,” the mayor, Rosa Quispe Mamani, said during a video call with Haldenau city hall.</p>"
                    "<h2>Three weeks on the ground</h2>"
                    "<p>The team, led by water engineer Felix Amrhein, is due to stay for three weeks. The first job is a temporary pipeline to reconnect the town centre. After that, the engineers want to work with their Peruvian colleagues on a permanent solution that can better withstand future storms.</p>"
                    "<p>“We’re not going over there to tell anyone how it’s done,” Amrhein said before leaving. “The people there know their mountains. We’re bringing experience with slope stabilisation and network planning – and hopefully a few good ideas.”</p>"
                    "<p>The city is paying for the trip out of its budget for municipal development cooperation. Councillors approved the money unanimously at a special meeting.</p>"
                    "<h2>Residents chip in</h2>"
                    "<p>Meanwhile, the Haldenau–Tamarú friendship association is raising money for families whose homes were damaged. The association says more than €62,000 has already come in. The money will be distributed through a parish in Tamarú that the association has worked with for years.</p>"
                    '<p>Experts also see the flooding as a sign of changing rainfall patterns in the Andes. Rainy seasons there have recently become shorter but more intense, says geographer Dr Elena Sandoval of the University of Haldenau. Details of the appeal are available <a href="https://example.org/tamaru/donate">on the association’s website</a>.</p>'
                ),
            },
            "fr": {
                "slug": "apres-les-inondations-des-ingenieurs-de-haldenau-partent-pour-tamaru",
                "headline": "Après les inondations : des ingénieurs de Haldenau partent en renfort à Tamarú, sa ville jumelle",
                "standfirst": "Des pluies diluviennes ont privé d’eau potable la ville péruvienne jumelée avec Haldenau. Quatre spécialistes de la régie municipale partent aider à reconstruire le réseau.",
                "body": (
                    "<p>Quatre ingénieures et ingénieurs de la régie municipale de Haldenau s’envoleront dans les prochains jours pour Tamarú. Cette petite ville des Andes péruviennes est jumelée avec Haldenau depuis 1994. Après plusieurs jours de pluies torrentielles, un glissement de terrain y a détruit au début du mois la principale conduite qui achemine l’eau depuis les sources. Depuis, quelque 14 000 habitants sont ravitaillés par camions-citernes.</p>"
                    "<p>La municipalité de Tamarú avait sollicité l’aide technique de Haldenau. « Des pompes et des tuyaux, nous en avons. Ce qui nous manque, ce sont des gens capables de concevoir une conduite sur un terrain aussi escarpé », a expliqué la maire, Rosa Quispe Mamani, lors d’une visioconférence avec l’hôtel de ville de Haldenau.</p>"
                    "<h2>Trois semaines sur place</h2>"
                    "<p>L’équipe, emmenée par l’ingénieur hydraulicien Felix Amrhein, doit rester trois semaines. Première étape : une conduite provisoire pour raccorder de nouveau le centre-ville. Les ingénieurs veulent ensuite concevoir, avec leurs collègues péruviens, une solution durable, capable de mieux résister aux prochaines intempéries.</p>"
                    "<p>« Nous n’y allons pas pour donner des leçons, a assuré Felix Amrhein avant son départ. Les gens là-bas connaissent leurs montagnes. Nous apportons notre expérience de la stabilisation des pentes et de la planification des réseaux – et, espérons-le, quelques bonnes idées. »</p>"
                    "<p>La ville de Haldenau finance la mission sur son budget de coopération décentralisée. Le conseil municipal a débloqué les fonds à l’unanimité lors d’une séance extraordinaire.</p>"
                    "<h2>Les habitants se mobilisent</h2>"
                    "<p>Parallèlement, l’association d’amitié Haldenau-Tamarú collecte des dons pour les familles dont la maison a été endommagée. Plus de 62 000 euros ont déjà été réunis, selon l’association. L’argent sera distribué par l’intermédiaire d’une paroisse de Tamarú avec laquelle elle travaille depuis des années.</p>"
                    '<p>Pour les spécialistes, ces inondations traduisent aussi l’évolution du régime des pluies dans les Andes. Les saisons des pluies y sont devenues plus courtes, mais plus violentes, observe la géographe Elena Sandoval, de l’université de Haldenau. Les informations sur la collecte sont disponibles <a href="https://example.org/tamaru/dons">sur le site de l’association</a>.</p>'
                ),
            },
            "ar": {
                "slug": "خبراء-مياه-من-هالدناو-يتوجهون-إلى-تامارو",
                "headline": "بعد الفيضانات: خبراء مياه من هالدناو يتوجهون إلى مدينة تامارو التوأم",
                "standfirst": "قطعت أمطار غزيرة مياه الشرب عن المدينة البيروفية المتوأمة مع هالدناو، ويتوجه أربعة مهندسين من شركة المرافق البلدية للمساعدة في إعادة بناء الشبكة.",
                "body": (
                    "<p>يتوجه أربعة مهندسين ومهندسات من شركة المرافق البلدية في هالدناو خلال الأيام المقبلة إلى تامارو، البلدة الصغيرة في جبال الأنديز البيروفية، المتوأمة مع هالدناو منذ عام 1994. فبعد أيام من الأمطار الغزيرة مطلع الشهر، دمر انهيار أرضي هناك خط الأنابيب الرئيسي الذي ينقل المياه من الينابيع، ومنذ ذلك الحين يعتمد نحو 14 ألف شخص على الصهاريج.</p>"
                    "<p>وكانت بلدية تامارو قد طلبت مساعدة فنية من هالدناو. وقالت رئيسة البلدية روسا كيسبي ماماني خلال اتصال بالفيديو مع بلدية هالدناو: «لدينا المضخات والأنابيب. ما ينقصنا هو أشخاص قادرون على تصميم خط أنابيب في أرض بهذا الانحدار».</p>"
                    "<h2>ثلاثة أسابيع في الميدان</h2>"
                    "<p>ومن المقرر أن يبقى الفريق، الذي يقوده مهندس المياه فيليكس أمراين، ثلاثة أسابيع. وتتمثل المهمة الأولى في مد خط مؤقت يعيد وصل وسط البلدة بالشبكة، على أن يعمل المهندسون بعد ذلك مع زملائهم البيروفيين على حل دائم يصمد بشكل أفضل أمام العواصف المقبلة.</p>"
                    "<p>وقال أمراين قبل مغادرته: «لسنا ذاهبين لنلقي الدروس على أحد. أهل المنطقة يعرفون جبالهم جيدًا. نحن نحمل معنا خبرتنا في تثبيت المنحدرات وتخطيط الشبكات، ونأمل أن نحمل أيضًا بعض الأفكار المفيدة».</p>"
                    "<p>وتتحمل مدينة هالدناو تكاليف المهمة من ميزانيتها المخصصة للتعاون الإنمائي بين البلديات، بعدما أقر المجلس البلدي الاعتمادات بالإجماع في جلسة استثنائية.</p>"
                    "<h2>تبرعات من السكان</h2>"
                    "<p>وفي موازاة ذلك، تجمع جمعية الصداقة بين هالدناو وتامارو تبرعات للعائلات التي تضررت منازلها. وبحسب الجمعية، تجاوزت التبرعات حتى الآن 62 ألف يورو، وستوزع عبر أبرشية في تامارو تتعاون معها الجمعية منذ سنوات.</p>"
                    '<p>ويرى خبراء أن الفيضانات تعكس أيضًا تغيرًا في أنماط هطول الأمطار في الأنديز، إذ باتت مواسم الأمطار هناك أقصر وأشد عنفًا، بحسب الجغرافية إيلينا ساندوفال من جامعة هالدناو. وتتوفر معلومات عن حملة التبرعات <a href="https://example.org/tamaru/donate">على موقع الجمعية</a>.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 20 hours
    {
        "section": "culture",
        "authors": ["mira-sahin"],
        "tags": ["theatre"],
        "age": timedelta(hours=20),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "wendeltaler-theatertage-starten-mit-rekord-im-vorverkauf",
                "headline": "Wendeltaler Theatertage starten mit Rekord im Vorverkauf",
                "standfirst": "Zwölf Tage, 34 Vorstellungen, acht Spielorte: Das Theaterfestival im Wendeltal hat mit so vielen verkauften Karten begonnen wie nie zuvor. Erstmals wird auch in einer Scheune gespielt.",
                "body": (
                    "<p>Mit einem Rekord im Vorverkauf haben die 23. Wendeltaler Theatertage begonnen. Mehr als 9.800 Karten seien bereits verkauft, teilte die Festivalleitung mit – rund 30 Prozent mehr als im Vorjahr. Mehrere Vorstellungen sind schon ausverkauft.</p>"
                    "<p>Zwölf Tage lang stehen 34 Vorstellungen auf dem Programm, verteilt auf acht Spielorte zwischen Haldenau, Kesselbrunn und Rotmoor. Eröffnet wurde das Festival im Stadttheater Haldenau mit der Uraufführung von „Der Fluss hat kein Gedächtnis“, einem Stück über drei Generationen einer Fischerfamilie an der Wendel.</p>"
                    "<h2>Theater zwischen Strohballen</h2>"
                    "<p>Neu ist in diesem Jahr ein Spielort, der mit Theater bislang wenig zu tun hatte: die Scheune des Biohofs Lammert in Rotmoor. Zwischen Strohballen und Traktoren zeigt ein freies Ensemble aus Haldenau dort eine eigene Fassung von Shakespeares „Der Sturm“. Festivalleiterin Johanna Kleeberg sieht darin ein Programm. „Wir wollen nicht nur darauf warten, dass die Leute in die Stadt kommen. Wir gehen dorthin, wo sie wohnen“, sagte sie.</p>"
                    "<p>Zu den weiteren Höhepunkten gehören:</p>"
                    "<ul><li>ein Abend mit Figurentheater für Erwachsene im Kesselbrunner Bürgerhaus,</li><li>das Gastspiel eines Jugendensembles aus der tschechischen Nachbarstadt Lesná nad Wendlou,</li><li>eine lange Lesenacht mit Texten von Autorinnen und Autoren aus dem Wendeltal.</li></ul>"
                    "<h2>Günstige Karten für junge Leute</h2>"
                    "<p>Wie im Vorjahr kosten Karten für Schülerinnen, Schüler und Studierende fünf Euro. Außerdem bietet das Festival erstmals sogenannte entspannte Vorstellungen an, bei denen das Saallicht gedimmt bleibt und man den Raum jederzeit verlassen kann. Sie richten sich etwa an Menschen mit Autismus oder an Familien mit kleinen Kindern.</p>"
                    "<p>Die Schauspielerin Carla Weiß, die in der Eröffnungsinszenierung die Großmutter spielt, freut sich besonders über das junge Publikum. „In der ersten Reihe saßen drei Mädchen mit ihrer Schulklasse, die haben bis zum Schluss kein einziges Mal aufs Handy geschaut“, erzählte sie. „Ein schöneres Lob gibt es nicht.“</p>"
                    '<p>Restkarten und das vollständige Programm gibt es <a href="https://example.org/theatertage/programm">auf der Website des Festivals</a>.</p>'
                ),
            },
            "en": {
                "slug": "wendeltal-theatre-festival-opens-with-record-advance-sales",
                "headline": "Wendeltal theatre festival opens with record advance ticket sales",
                "standfirst": "Twelve days, 34 performances, eight venues: the Wendeltal’s theatre festival has got under way with more tickets sold than ever before – and, for the first time, a stage in a barn.",
                "body": (
                    "<p>The 23rd Wendeltal Theatre Days have opened with record advance sales. More than 9,800 tickets have already been sold, the organisers said – around 30 per cent more than last year – and several performances are sold out.</p>"
                    "<p>Over twelve days, the programme features 34 performances at eight venues in and around Haldenau, Kesselbrunn and Rotmoor. The festival opened at Haldenau’s municipal theatre with the premiere of <em>The River Has No Memory</em>, a play about three generations of a fishing family on the Wendel.</p>"
                    "<h2>Shakespeare among the straw bales</h2>"
                    "<p>This year’s line-up includes a venue with little theatrical history: the barn at the Lammert organic farm in Rotmoor. Surrounded by straw bales and tractors, an independent company from Haldenau is staging its own version of <em>The Tempest</em>. For festival director Johanna Kleeberg, that is the whole point. “We don’t want to just wait for people to come into town. We go to where they live,” she said.</p>"
                    "<p>Other highlights include:</p>"
                    "<ul><li>an evening of puppet theatre for adults at Kesselbrunn’s community hall,</li><li>a visit by a youth company from Lesná nad Wendlou, the neighbouring town across the Czech border,</li><li>a late-night reading of work by writers from the Wendeltal.</li></ul>"
                    "<h2>Cheap seats for young people</h2>"
                    "<p>As last year, tickets for school pupils and students cost €5. The festival is also offering relaxed performances for the first time, in which the house lights stay dimmed and audience members can leave and come back at any point. They are aimed at autistic people and families with small children, among others.</p>"
                    "<p>Actor Carla Weiß, who plays the grandmother in the opening production, was especially pleased by the young audience. “There were three girls in the front row with their class, and not one of them looked at a phone until the very end,” she said. “There’s no higher praise than that.”</p>"
                    '<p>Remaining tickets and the full programme are available <a href="https://example.org/theatre-days/programme">on the festival website</a>.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 1 day 2 hours
    {
        "section": "business",
        "authors": ["jonas-weidner"],
        "tags": ["sport"],
        "age": timedelta(days=1, hours=2),
        "updated_after": timedelta(hours=3),
        "status": "published",
        "versions": {
            "de": {
                "slug": "fangenossenschaft-uebernimmt-mehrheit-am-fc-haldenau-1912",
                "headline": "Fangenossenschaft übernimmt die Mehrheit am FC Haldenau 1912",
                "standfirst": "Mehr als 4.200 Mitglieder haben zusammen 2,1 Millionen Euro aufgebracht. Damit ist der Regionalligist vorerst vor der Insolvenz gerettet – doch die eigentliche Arbeit fängt jetzt erst an.",
                "body": (
                    "<p>Der FC Haldenau 1912 gehört künftig mehrheitlich seinen Fans. Die Genossenschaft „Wir sind Zwölf“ übernimmt 51 Prozent der Anteile an der Spielbetriebsgesellschaft des Regionalligisten. Das haben die Vereinsmitglieder auf einer außerordentlichen Versammlung mit großer Mehrheit beschlossen. Mehr als 4.200 Genossinnen und Genossen haben dafür zusammen 2,1 Millionen Euro aufgebracht.</p>"
                    "<p>Ohne das Geld hätte dem Club nach eigenen Angaben im Frühjahr die Zahlungsunfähigkeit gedroht. Ein Hauptsponsor aus der Baubranche war im vergangenen Jahr überraschend abgesprungen, zudem waren die Betriebskosten für das Stadion am Wendelufer stark gestiegen.</p>"
                    "<h2>Ein Mitglied, eine Stimme</h2>"
                    "<p>„Das ist der emotionalste Tag, den ich in 30 Jahren auf der Tribüne erlebt habe“, sagte Deniz Arslan, Vorsitzender der Genossenschaft. Jedes Mitglied hat dort eine Stimme – unabhängig davon, wie viele Anteile es gezeichnet hat. Ein Anteil kostet 250 Euro. Zu den jüngsten Mitgliedern gehören Kinder, denen ihre Eltern einen Anteil zum Geburtstag geschenkt haben; der größte Einzelbetrag kam von einer Bäckerei aus der Südstadt.</p>"
                    "<p>Präsident Uwe Markward räumte ein, dass die Rettung nur ein erster Schritt sei. „Wir haben jetzt Luft zum Atmen. Aber wir müssen lernen, mit dem Geld auszukommen, das wir haben“, sagte er. Der Etat für die kommende Saison soll um rund ein Fünftel sinken.</p>"
                    "<h2>Was sich für die Fans ändert</h2>"
                    "<p>Die Genossenschaft entsendet zwei Vertreter in den Aufsichtsrat und hat bei wichtigen Entscheidungen ein Vetorecht, etwa beim Verkauf des Stadionnamens oder bei einem Umzug. Außerdem hat sie sich verpflichtet, die Preise für Stehplätze in den kommenden drei Jahren nicht zu erhöhen.</p>"
                    '<p>Ganz ohne Misstöne ging die Versammlung nicht zu Ende. Einige langjährige Mitglieder bemängelten, dass die Verträge erst wenige Tage vorher einsehbar gewesen seien. Die Genossenschaft kündigte an, alle Unterlagen <a href="https://example.org/wir-sind-zwoelf/unterlagen">vollständig online</a> zu stellen.</p>'
                    "<p>Die Liga hat die neue Eigentümerstruktur nach Angaben des Vereins bereits vorläufig geprüft. Eine endgültige Entscheidung über die Lizenz für die kommende Saison wird im Mai erwartet.</p>"
                    "<p><em>Aktualisiert: Der Artikel wurde um Angaben zur Lizenzprüfung durch die Liga ergänzt.</em></p>"
                ),
            },
            "en": {
                "slug": "fan-cooperative-takes-majority-stake-in-fc-haldenau-1912",
                "headline": "Fan cooperative takes majority stake in FC Haldenau 1912",
                "standfirst": "More than 4,200 supporters have together raised €2.1 million, rescuing the fourth-tier club from insolvency for now. The hard part, they admit, starts here.",
                "body": (
                    "<p>FC Haldenau 1912 will from now on be majority-owned by its fans. The supporters’ cooperative “Wir sind Zwölf” – “We Are Twelve” – is taking a 51 per cent stake in the company that runs the club’s first team. Members of the club approved the deal by a large majority at an extraordinary general meeting. More than 4,200 cooperative members have put in a combined €2.1 million.</p>"
                    "<p>Without that money, the club says, it would have run out of cash in the spring. A main sponsor from the construction industry pulled out unexpectedly last year, and the running costs of the Wendelufer stadium have risen sharply.</p>"
                    "<h2>One member, one vote</h2>"
                    "<p>“This is the most emotional day I’ve had in 30 years on the terraces,” said Deniz Arslan, who chairs the cooperative. Every member has one vote, however many shares they hold. A share costs €250. The youngest members include children whose parents gave them a share as a birthday present; the largest single contribution came from a bakery in Südstadt.</p>"
                    "<p>Club president Uwe Markward acknowledged that the rescue was only a first step. “We can breathe again. But we have to learn to live within our means,” he said. The budget for next season is to be cut by around a fifth.</p>"
                    "<h2>What changes for supporters</h2>"
                    "<p>The cooperative will send two representatives to the supervisory board and will have a veto over major decisions, such as selling the stadium’s naming rights or moving to a new ground. It has also pledged not to raise prices for standing tickets for the next three years.</p>"
                    '<p>The meeting was not entirely harmonious. Some long-standing members complained that the contracts had been made available only a few days in advance. The cooperative has promised to publish all documents <a href="https://example.org/we-are-twelve/documents">in full online</a>.</p>'
                    "<p>According to the club, the league has already carried out a preliminary review of the new ownership structure. A final decision on its licence for next season is expected in May.</p>"
                    "<p><em>This article has been updated with details of the league’s licensing review.</em></p>"
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 2 days (correction)
    {
        "section": "europe",
        "authors": ["jonas-weidner", "lena-hartmann"],
        "tags": ["transport", "climate"],
        "age": timedelta(days=2),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "grenzbahn-nach-lesna-nad-wendlou-soll-ab-2027-wieder-fahren",
                "headline": "Grenzbahn nach Lesná nad Wendlou soll ab 2027 wieder fahren",
                "standfirst": "Seit 1994 fährt zwischen Kesselbrunn und der tschechischen Nachbarstadt kein Zug mehr. Nun ist die Finanzierung für die Reaktivierung gesichert – die EU übernimmt fast die Hälfte der Kosten.",
                "body": (
                    "<p>Die stillgelegte Bahnstrecke zwischen Kesselbrunn und Lesná nad Wendlou wird wiederbelebt. Der Verkehrsverbund Wendeltal und die tschechische Partnerregion haben die Finanzierungsvereinbarung unterzeichnet. Die Gesamtkosten liegen bei 102 Millionen Euro, davon übernimmt die Europäische Union 48 Millionen. Den Rest teilen sich Bund, Land und die tschechische Seite.</p>"
                    "<p>Ab Dezember 2027 sollen auf der 23 Kilometer langen Strecke Züge im Stundentakt fahren. Die Fahrt vom Haldenauer Hauptbahnhof nach Lesná wird dann ohne Umstieg rund 50 Minuten dauern. Heute brauchen Pendlerinnen und Pendler mit Bus und Regionalzug fast doppelt so lange.</p>"
                    "<h2>Das ist geplant</h2>"
                    "<ul><li>Neue Haltepunkte entstehen in Kesselbrunn-Ost, in Grenzhammer und am Gewerbegebiet von Lesná.</li><li>Die marode Wendelbrücke wird durch einen Neubau ersetzt.</li><li>Fahren sollen Akkuzüge; eine Oberleitung ist nicht vorgesehen.</li></ul>"
                    "<p>„Diese Strecke war dreißig Jahre lang eine Narbe in der Landschaft. Jetzt wird sie wieder zu einer Verbindung“, sagte Projektleiterin Petra Hollmann vom Verkehrsverbund bei der Unterzeichnung im alten Bahnhof Kesselbrunn, dessen Gleise seit Jahrzehnten von Birken überwuchert sind.</p>"
                    "<h2>Hoffnung auf beiden Seiten der Grenze</h2>"
                    "<p>Viele Menschen aus Lesná nad Wendlou arbeiten in Betrieben auf deutscher Seite, umgekehrt ist die Kleinstadt bei Ausflüglern aus dem Wendeltal beliebt. Bürgermeisterin Jana Dvořáková sprach von einem Tag, „auf den eine ganze Generation gewartet hat“. Ihre Mutter sei als junge Frau noch mit dem Zug zum Tanzen nach Kesselbrunn gefahren, erzählte sie.</p>"
                    '<p>Umweltverbände begrüßen das Projekt, mahnen aber zur Eile. Nach ihren Berechnungen könnten durch die Bahn jährlich rund 1,4 Millionen Autokilometer im Grenzverkehr wegfallen. Kritik kommt dagegen aus Grenzhammer: Anwohnerinnen und Anwohner fürchten Lärm und haben eine Bürgerinitiative gegründet. Der Verkehrsverbund hat Lärmschutzwände zugesagt und lädt im kommenden Monat zu einer <a href="https://example.org/grenzbahn/info">Informationsveranstaltung</a> ein.</p>'
                ),
            },
            "en": {
                "slug": "border-railway-to-lesna-nad-wendlou-set-to-reopen-in-2027",
                "headline": "Border railway to Lesná nad Wendlou set to reopen in 2027",
                "standfirst": "No train has run between Kesselbrunn and the neighbouring Czech town since 1994. Now funding to bring the line back is in place, with the EU paying almost half the bill.",
                "body": (
                    "<p>The disused railway between Kesselbrunn and Lesná nad Wendlou is to be brought back to life. The Wendeltal transport authority and its Czech partner region have signed the funding agreement. The project will cost €102 million in total, of which the European Union is contributing €48 million. The rest will be split between the federal and state governments and the Czech side.</p>"
                    "<p>From December 2027, hourly trains are due to run on the 23-kilometre line. A journey from Haldenau’s main station to Lesná will then take around 50 minutes without changing. Commuters currently need almost twice as long by bus and regional train.</p>"
                    "<h2>What’s planned</h2>"
                    "<ul><li>New stops at Kesselbrunn-Ost, Grenzhammer and Lesná’s business park.</li><li>A new bridge to replace the crumbling one over the River Wendel.</li><li>Battery-electric trains, so the line will not need overhead wires.</li></ul>"
                    "<p>“For thirty years this line has been a scar on the landscape. Now it will be a connection again,” said project manager Petra Hollmann of the transport authority at the signing ceremony in Kesselbrunn’s old station, where birch trees have long since overgrown the tracks.</p>"
                    "<h2>Hopes on both sides of the border</h2>"
                    "<p>Many people from Lesná nad Wendlou work for companies on the German side, while the small town is a popular destination for day-trippers from the Wendeltal. Its mayor, Jana Dvořáková, called it “a day a whole generation has been waiting for”. Her mother, she recalled, used to take the train to Kesselbrunn to go dancing as a young woman.</p>"
                    '<p>Environmental groups welcomed the project but urged the authorities to move quickly. By their calculations, the railway could save around 1.4 million car kilometres a year in cross-border traffic. There is opposition in Grenzhammer, however, where residents fear noise and have formed a campaign group. The transport authority has promised noise barriers and is holding <a href="https://example.org/border-railway/info">a public information evening</a> next month.</p>'
                ),
            },
            "fr": {
                "slug": "la-ligne-transfrontaliere-vers-lesna-nad-wendlou-doit-rouvrir-en-2027",
                "headline": "La ligne ferroviaire transfrontalière vers Lesná nad Wendlou doit rouvrir en 2027",
                "standfirst": "Plus aucun train ne circule entre Kesselbrunn et la ville tchèque voisine depuis 1994. Le financement de la réouverture est désormais bouclé, l’Union européenne prenant en charge près de la moitié de la facture.",
                "body": (
                    "<p>La ligne désaffectée entre Kesselbrunn et Lesná nad Wendlou va reprendre vie. L’autorité organisatrice des transports du Wendeltal et la région partenaire tchèque ont signé l’accord de financement. Le projet coûtera au total 102 millions d’euros, dont 48 millions apportés par l’Union européenne. Le reste sera partagé entre l’État fédéral, le Land et la partie tchèque.</p>"
                    "<p>À partir de décembre 2027, un train par heure doit circuler sur les 23 kilomètres de la ligne. Le trajet entre la gare centrale de Haldenau et Lesná prendra alors une cinquantaine de minutes, sans changement. Aujourd’hui, les navetteurs mettent presque deux fois plus de temps en car et en train régional.</p>"
                    "<h2>Ce qui est prévu</h2>"
                    "<ul><li>De nouveaux arrêts à Kesselbrunn-Ost, à Grenzhammer et dans la zone d’activités de Lesná.</li><li>Un pont neuf à la place de l’ouvrage vétuste qui franchit la Wendel.</li><li>Des trains à batteries, si bien qu’aucune caténaire ne sera nécessaire.</li></ul>"
                    "<p>« Pendant trente ans, cette ligne a été une cicatrice dans le paysage. Elle va redevenir un trait d’union », s’est réjouie la cheffe de projet, Petra Hollmann, lors de la signature dans l’ancienne gare de Kesselbrunn, dont les voies sont envahies depuis des décennies par les bouleaux.</p>"
                    "<h2>L’espoir des deux côtés de la frontière</h2>"
                    "<p>De nombreux habitants de Lesná nad Wendlou travaillent dans des entreprises du côté allemand, tandis que la petite ville attire les excursionnistes du Wendeltal. Sa maire, Jana Dvořáková, a salué « un jour qu’une génération entière attendait ». Sa mère, a-t-elle raconté, prenait encore le train pour aller danser à Kesselbrunn quand elle était jeune.</p>"
                    '<p>Les associations de défense de l’environnement saluent le projet, mais demandent d’aller vite. Selon leurs calculs, le train pourrait économiser chaque année quelque 1,4 million de kilomètres parcourus en voiture de part et d’autre de la frontière. À Grenzhammer, en revanche, des riverains redoutent le bruit et ont créé un collectif. L’autorité des transports a promis des murs antibruit et organise le mois prochain <a href="https://example.org/grenzbahn/info">une réunion publique d’information</a>.</p>'
                ),
            },
            "ar": {
                "slug": "خط-القطار-الحدودي-إلى-ليسنا-يعود-عام-2027",
                "headline": "خط القطار الحدودي إلى ليسنا ناد فندلو يعود إلى الخدمة عام 2027",
                "standfirst": "لم يسر أي قطار بين كيسلبرون والبلدة التشيكية المجاورة منذ عام 1994. والآن اكتمل تمويل إعادة تشغيل الخط، ويتحمل الاتحاد الأوروبي نحو نصف التكلفة.",
                "body": (
                    "<p>يعود خط السكة الحديدية المهجور بين كيسلبرون وليسنا ناد فندلو إلى الحياة، بعدما وقعت هيئة النقل في وادي فندل والإقليم التشيكي الشريك اتفاقية التمويل. وتبلغ التكلفة الإجمالية للمشروع 102 مليون يورو، يساهم الاتحاد الأوروبي منها بـ48 مليونًا، فيما تتقاسم الحكومة الاتحادية وحكومة الولاية والجانب التشيكي المبلغ المتبقي.</p>"
                    "<p>ومن المقرر أن يسير قطار كل ساعة على الخط البالغ طوله 23 كيلومترًا اعتبارًا من ديسمبر 2027. وستستغرق الرحلة من محطة هالدناو المركزية إلى ليسنا نحو 50 دقيقة من دون تبديل القطار، في حين يحتاج من يتنقلون يوميًا اليوم إلى ضعف هذا الوقت تقريبًا بالحافلة والقطار الإقليمي.</p>"
                    "<h2>ماذا يتضمن المشروع؟</h2>"
                    "<ul><li>محطات توقف جديدة في كيسلبرون الشرقية وغرنتسهامر والمنطقة الصناعية في ليسنا.</li><li>جسر جديد بدلًا من الجسر المتهالك فوق نهر فندل.</li><li>قطارات تعمل بالبطاريات، فلا يحتاج الخط إلى أسلاك كهربائية علوية.</li></ul>"
                    "<p>وقالت مديرة المشروع في هيئة النقل بترا هولمان خلال مراسم التوقيع في محطة كيسلبرون القديمة، التي غطت أشجار البتولا قضبانها منذ زمن بعيد: «ظل هذا الخط ثلاثين عامًا ندبة في المشهد، والآن سيعود صلة وصل من جديد».</p>"
                    "<h2>آمال على جانبي الحدود</h2>"
                    "<p>يعمل كثير من سكان ليسنا ناد فندلو في شركات على الجانب الألماني، فيما تجتذب البلدة الصغيرة المتنزهين القادمين من وادي فندل. ووصفت رئيسة بلديتها يانا دفورجاكوفا يوم التوقيع بأنه «يوم انتظره جيل بأكمله»، وروت أن والدتها كانت في شبابها تستقل القطار إلى كيسلبرون لتذهب إلى حفلات الرقص.</p>"
                    '<p>ورحبت منظمات بيئية بالمشروع، لكنها حثت على الإسراع في تنفيذه. ووفق حساباتها، يمكن أن يوفر القطار نحو 1.4 مليون كيلومتر تقطعها السيارات سنويًا في التنقل عبر الحدود. في المقابل، يخشى سكان في غرنتسهامر الضجيج وقد شكلوا مجموعة احتجاجية، فيما وعدت هيئة النقل بجدران عازلة للصوت، وتنظم الشهر المقبل <a href="https://example.org/border-railway/info">لقاءً مفتوحًا لإطلاع السكان على المشروع</a>.</p>'
                ),
            },
        },
        "correction": {
            "age": timedelta(hours=30),
            "de": "In einer früheren Fassung dieses Artikels hieß es, die Europäische Union beteilige sich mit 84 Millionen Euro an dem Projekt. Richtig ist: Der EU-Zuschuss beträgt 48 Millionen Euro. Wir haben den Fehler korrigiert.",
            "en": "An earlier version of this article said the European Union was contributing €84 million to the project. In fact, the EU grant is €48 million. We have corrected the error.",
            "fr": "Une version précédente de cet article indiquait que l’Union européenne participait au projet à hauteur de 84 millions d’euros. En réalité, la subvention européenne s’élève à 48 millions d’euros. Nous avons corrigé l’erreur.",
            "ar": "ذكرت نسخة سابقة من هذا المقال أن الاتحاد الأوروبي يساهم في المشروع بمبلغ 84 مليون يورو. والصحيح أن المنحة الأوروبية تبلغ 48 مليون يورو. وقد صححنا الخطأ.",
        },
    },
    # ------------------------------------------------------------------ 4 days
    {
        "section": "culture",
        "authors": ["mira-sahin"],
        "tags": ["education", "local-politics"],
        "age": timedelta(days=4),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "stadtbuecherei-kesselbrunn-oeffnet-wieder-mit-bohrhammer",
                "headline": "Stadtbücherei Kesselbrunn öffnet wieder – mit Nähmaschine und Bohrhammer",
                "standfirst": "Nach zwei Jahren Umbau ist die Bücherei am Marktplatz zurück. Neben 38.000 Medien gibt es jetzt eine „Bibliothek der Dinge“ – und die Türen bleiben bis 22 Uhr offen.",
                "body": (
                    "<p>Schon eine halbe Stunde vor der Eröffnung reichte die Schlange bis zum Brunnen auf dem Marktplatz. Nach knapp zwei Jahren Umbau hat die Stadtbücherei Kesselbrunn wieder geöffnet – größer, heller und mit einem Angebot, das weit über Bücher hinausgeht.</p>"
                    "<p>Der Umbau des ehemaligen Amtsgerichts hat 3,8 Millionen Euro gekostet, gut die Hälfte davon kam aus einem Förderprogramm des Landes. Die Fläche ist von 600 auf 1.050 Quadratmeter gewachsen. Im Dachgeschoss gibt es jetzt ruhige Lernplätze für Schülerinnen und Schüler, im Erdgeschoss ein kleines Café, das ein Inklusionsbetrieb führt.</p>"
                    "<h2>Bohrhammer statt Bestseller</h2>"
                    "<p>Besonders gespannt sind viele auf die „Bibliothek der Dinge“. Wer einen Ausweis hat, kann dort unter anderem einen Bohrhammer, eine Nähmaschine, ein Zelt oder ein Teleskop ausleihen. Die Idee stammt aus einer Umfrage unter Kesselbrunnerinnen und Kesselbrunnern.</p>"
                    "<p>„Niemand braucht einen eigenen Bohrhammer, den er zweimal im Jahr benutzt“, sagte Büchereileiterin Birte Sommerfeld. „Eine Bücherei ist ein Ort, an dem eine Stadt Dinge miteinander teilt. Früher waren das nur Bücher, jetzt eben auch Werkzeug.“</p>"
                    "<h2>Offen bis 22 Uhr</h2>"
                    "<p>Neu sind auch die Öffnungszeiten. Nach dem Konzept der „Open Library“ können registrierte Nutzerinnen und Nutzer ab 16 Jahren die Bücherei an sieben Tagen pro Woche von 8 bis 22 Uhr betreten – auch dann, wenn kein Personal im Haus ist. Die Tür öffnet sich mit dem Bibliotheksausweis, Kameras im Eingangsbereich sollen Missbrauch verhindern.</p>"
                    "<p>Bürgermeister Henrik Lau sprach bei der Eröffnung von einem „Wohnzimmer für die ganze Stadt“. Der Stadtrat hatte das Projekt trotz knapper Kassen einstimmig beschlossen. Kritik gab es lediglich an den Parkplätzen, von denen für den Anbau sechs weggefallen sind.</p>"
                    '<p>Die zehnjährige Mila, die mit ihrem Vater gekommen war, hatte andere Sorgen. Sie zog mit einem Stapel Comics ab und dem festen Plan, <em>alle</em> auszulesen, bevor die Leihfrist abläuft. Den Katalog und die Liste der ausleihbaren Dinge gibt es <a href="https://example.org/buecherei-kesselbrunn/katalog">online</a>.</p>'
                ),
            },
            "en": {
                "slug": "kesselbrunn-library-reopens-with-sewing-machines-and-drills",
                "headline": "Kesselbrunn library reopens – now lending sewing machines and drills",
                "standfirst": "After two years of building work, the library on the market square is back. Alongside 38,000 books and other media, it now has a “library of things” and stays open until 10pm.",
                "body": (
                    "<p>Half an hour before the doors opened, the queue already stretched back to the fountain on the market square. After almost two years of building work, Kesselbrunn’s public library has reopened – bigger, brighter and offering a great deal more than books.</p>"
                    "<p>Converting the former district court building cost €3.8 million, just over half of which came from a state funding programme. Floor space has grown from 600 to 1,050 square metres. The top floor now has quiet study spaces for school pupils, and on the ground floor there is a small café run by a social enterprise that employs people with disabilities.</p>"
                    "<h2>Hammer drills rather than bestsellers</h2>"
                    "<p>The biggest draw for many visitors is the new “library of things”. Anyone with a library card can borrow a hammer drill, a sewing machine, a tent or a telescope, among other items. The idea came out of a survey of local residents.</p>"
                    "<p>“Nobody needs their own hammer drill that they use twice a year,” said head librarian Birte Sommerfeld. “A library is a place where a town shares things. It used to be just books – now it’s tools as well.”</p>"
                    "<h2>Open until 10pm</h2>"
                    "<p>Opening hours have changed, too. Under an “open library” model, registered users aged 16 and over can get in from 8am to 10pm, seven days a week – even when no staff are on site. The door opens with a library card, and cameras in the entrance area are meant to deter misuse.</p>"
                    "<p>At the opening, mayor Henrik Lau described the building as “a living room for the whole town”. Despite tight finances, the town council had backed the project unanimously. The only complaints concerned parking: six spaces were lost to make room for the extension.</p>"
                    '<p>Ten-year-old Mila, who had come with her father, had other priorities. She left with a pile of comics and a firm plan to finish <em>all</em> of them before they were due back. The catalogue and a list of things to borrow are <a href="https://example.org/kesselbrunn-library/catalogue">available online</a>.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 6 days
    {
        "section": "science",
        "authors": ["mira-sahin"],
        "tags": ["energy", "research", "startups"],
        "age": timedelta(days=6),
        "updated_after": timedelta(days=1),
        "status": "published",
        "versions": {
            "de": {
                "slug": "leichte-solarmodule-aus-haldenau-fuer-alte-hallendaecher",
                "headline": "Leichte Solarmodule aus Haldenau sollen auf alte Hallendächer passen",
                "standfirst": "Viele Gewerbedächer sind für herkömmliche Solarmodule zu schwach. Ein Team der Universität Haldenau hat eine Variante entwickelt, die nur ein Viertel so viel wiegt – und gründet nun ein Start-up.",
                "body": (
                    "<p>Auf den Dächern von Lagerhallen, Supermärkten und Turnhallen liegt ein großes Potenzial für Solarstrom – doch oft bleibt es ungenutzt. Viele dieser Dächer stammen aus den Sechziger- und Siebzigerjahren und tragen kaum mehr als den Schnee im Winter. Herkömmliche Module mit Glasscheibe und Aluminiumrahmen wiegen samt Unterkonstruktion dagegen oft 15 Kilogramm pro Quadratmeter und mehr.</p>"
                    "<p>Am Institut für Angewandte Photovoltaik der Universität Haldenau hat ein Team um Prof. Ruth Falkner nun Module entwickelt, die mit 3,6 Kilogramm pro Quadratmeter auskommen. Statt Glas verwenden die Forschenden eine dünne, mehrschichtige Kunststofffolie, die Module werden direkt auf die Dachhaut geklebt. Der Wirkungsgrad liegt bei 19,5 Prozent und damit nur knapp unter dem gängiger Module.</p>"
                    "<h2>Test auf einer Turnhalle</h2>"
                    "<p>Seit einem Jahr läuft ein Pilotversuch auf der Sporthalle der Gesamtschule Kesselbrunn. Die Anlage hat dort bisher rund 41.000 Kilowattstunden erzeugt, etwa ein Drittel des Strombedarfs der Schule. „Das Dach hätte man sonst aufwendig verstärken müssen. So haben wir an einem einzigen Wochenende montiert“, sagte Falkner.</p>"
                    "<p>Offen ist noch, wie lange die Folie Sonne, Hagel und Frost standhält. Für Glasmodule geben Hersteller oft 25 Jahre Garantie. „Wir sind zuversichtlich, aber ehrlich gesagt fehlen uns noch die Langzeitdaten“, räumte Doktorand Tim Bergmann ein, der die Alterungstests leitet. Im Labor simuliert das Team deshalb Jahrzehnte an Witterung in wenigen Monaten.</p>"
                    "<h2>Ausgründung geplant</h2>"
                    "<p>Um die Module in Serie zu bringen, gründen drei Mitglieder des Teams die Firma Dachlicht. Sie erhält gut 700.000 Euro aus einem Bundesprogramm für Ausgründungen aus der Wissenschaft. Eine kleine Fertigung soll im Technologiepark Haldenau-Nord entstehen.</p>"
                    '<p>Das Interesse ist groß: Nach Angaben der Gründer haben sich bereits ein Logistikunternehmen und zwei Wohnungsbaugenossenschaften gemeldet. Einzelheiten zu dem Verfahren hat das Institut <a href="https://example.org/uni-haldenau/leichtmodule">in einer Fachpublikation</a> veröffentlicht.</p>'
                    "<p><em>Aktualisiert: Die Stadtwerke Haldenau haben nach Erscheinen dieses Artikels angekündigt, dem Team ein zweites Pilotdach auf einem Busdepot zur Verfügung zu stellen.</em></p>"
                ),
            },
            "en": {
                "slug": "lightweight-solar-panels-for-old-industrial-roofs",
                "headline": "Haldenau scientists develop lightweight solar panels for old warehouse roofs",
                "standfirst": "Many commercial roofs are too weak to carry conventional solar panels. A University of Haldenau team has developed panels a quarter of the weight – and is now setting up a company.",
                "body": (
                    "<p>The roofs of warehouses, supermarkets and sports halls offer huge potential for solar power, yet much of it goes unused. Many of these roofs date from the 1960s and 1970s and were built to carry little more than winter snow. Conventional panels with a glass front and aluminium frame, plus their mounting system, often weigh 15 kilograms per square metre or more.</p>"
                    "<p>At the University of Haldenau’s Institute of Applied Photovoltaics, a team led by Professor Ruth Falkner has now developed panels that weigh just 3.6 kilograms per square metre. Instead of glass, the researchers use a thin multi-layer plastic film, and the panels are bonded directly to the roof membrane. Their efficiency is 19.5 per cent – only slightly below that of standard panels.</p>"
                    "<h2>Trial on a school sports hall</h2>"
                    "<p>A pilot installation has been running for a year on the sports hall of Kesselbrunn comprehensive school. It has so far generated around 41,000 kilowatt hours, about a third of the school’s electricity needs. “Otherwise the roof would have needed expensive strengthening. As it was, we fitted everything in a single weekend,” Falkner said.</p>"
                    "<p>What remains unclear is how well the film will stand up to sun, hail and frost over time. Manufacturers often guarantee glass panels for 25 years. “We’re confident, but honestly, we don’t have the long-term data yet,” admitted doctoral researcher Tim Bergmann, who runs the ageing tests. In the lab, the team simulates decades of weather in a few months.</p>"
                    "<h2>A spin-off in the making</h2>"
                    "<p>To bring the panels into production, three members of the team are founding a company called Dachlicht – “roof light”. It is receiving just over €700,000 from a federal programme for university spin-offs, and plans a small production line at the Haldenau-Nord technology park.</p>"
                    '<p>Interest is strong: the founders say a logistics firm and two housing cooperatives have already been in touch. The institute has published details of the method <a href="https://example.org/uni-haldenau/lightweight-pv">in a research paper</a>.</p>'
                    "<p><em>Updated: after this article was published, Haldenau’s municipal utility announced it would offer the team a second pilot roof, on a bus depot.</em></p>"
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 9 days
    {
        "section": "business",
        "authors": ["jonas-weidner"],
        "tags": ["startups", "energy", "transport"],
        "age": timedelta(days=9),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "akkuhof-sammelt-3-2-millionen-euro-fuer-e-bike-akkus-ein",
                "headline": "Start-up Akkuhof sammelt 3,2 Millionen Euro für gebrauchte E-Bike-Akkus ein",
                "standfirst": "Das Haldenauer Unternehmen repariert ausgediente Fahrradakkus, statt sie zu verschrotten. Mit dem Geld aus der ersten großen Finanzierungsrunde will es eine zweite Werkstatt eröffnen.",
                "body": (
                    "<p>Wenn der Akku eines E-Bikes schwächelt, landet er meist im Recycling – obwohl oft nur wenige Zellen defekt sind. Genau hier setzt Akkuhof an. Das Start-up aus Haldenau prüft gebrauchte Akkus Zelle für Zelle, tauscht schwache Zellen aus und gibt die Akkus mit zwei Jahren Garantie zurück. Jetzt hat das Unternehmen in seiner ersten großen Finanzierungsrunde 3,2 Millionen Euro eingesammelt.</p>"
                    "<p>Angeführt wird die Runde vom regionalen Wagniskapitalfonds Wendeltal Kapital. Beteiligt sind außerdem ein Verbund von Fahrradhändlern und mehrere Privatinvestoren aus der Region.</p>"
                    "<h2>Von der Garage ins Gewerbegebiet</h2>"
                    "<p>Gegründet haben Akkuhof Lea Brückner und Samuel Oduya im Jahr 2021, damals noch in einer Garage in Rotmoor. Brückner ist Elektroingenieurin, Oduya hat zuvor einen Fahrradladen geführt. „In meinem Laden standen jede Woche Leute, die für einen neuen Akku 700 Euro zahlen sollten. Bei den meisten hätte eine Reparatur gereicht“, sagte Oduya.</p>"
                    "<p>Heute arbeiten 14 Menschen in der Werkstatt im Gewerbegebiet Haldenau-Süd. Ein aufbereiteter Akku kostet bei Akkuhof im Schnitt etwa 40 Prozent weniger als ein neuer. Im vergangenen Jahr hat das Unternehmen nach eigenen Angaben rund 6.500 Akkus repariert und 1,9 Millionen Euro umgesetzt.</p>"
                    "<h2>Ärger mit verschlossener Elektronik</h2>"
                    "<p>Mit dem neuen Geld soll eine zweite Werkstatt entstehen, voraussichtlich im Raum Kesselbrunn. Die Zahl der Beschäftigten soll bis Ende nächsten Jahres auf 40 steigen. Außerdem will Akkuhof eine eigene Prüfsoftware entwickeln.</p>"
                    "<p>Denn das größte Hindernis ist nicht die Chemie, sondern die Elektronik der Hersteller. Viele Akkus haben ein Batteriemanagementsystem, das sich nach einem Zellentausch sperrt. „Manche Hersteller machen es uns absichtlich schwer“, sagte Brückner. „Dabei ist der nachhaltigste Akku der, den man gar nicht erst neu bauen muss.“</p>"
                    '<p>Die Gründer setzen deshalb auf neue europäische Regeln, die Reparaturen von Batterien künftig erleichtern sollen. Wer seinen Akku prüfen lassen will, kann <a href="https://example.org/akkuhof/termin">online einen Termin buchen</a>.</p>'
                ),
            },
            "en": {
                "slug": "akkuhof-raises-3-2-million-euros-to-repair-e-bike-batteries",
                "headline": "Start-up Akkuhof raises €3.2m to give e-bike batteries a second life",
                "standfirst": "The Haldenau company repairs worn-out bicycle batteries instead of scrapping them. With money from its first major funding round, it plans to open a second workshop.",
                "body": (
                    "<p>When an e-bike battery starts to fade, it usually ends up being recycled – even though often only a handful of its cells are faulty. That is where Akkuhof comes in. The Haldenau start-up tests used batteries cell by cell, replaces the weak ones and returns the battery with a two-year guarantee. It has now raised €3.2 million in its first major funding round.</p>"
                    "<p>The round is led by Wendeltal Kapital, a regional venture capital fund, with a network of bicycle retailers and several private investors from the area also taking part.</p>"
                    "<h2>From garage to industrial estate</h2>"
                    "<p>Lea Brückner and Samuel Oduya founded Akkuhof in 2021, starting out in a garage in Rotmoor. Brückner is an electrical engineer; Oduya used to run a bike shop. “Every week I had customers in my shop being told to pay €700 for a new battery. For most of them, a repair would have done the job,” Oduya said.</p>"
                    "<p>Today, 14 people work at its workshop on the Haldenau-Süd industrial estate. A refurbished battery from Akkuhof costs on average around 40 per cent less than a new one. The company says it repaired some 6,500 batteries last year and had revenue of €1.9 million.</p>"
                    "<h2>Locked-down electronics</h2>"
                    "<p>The new money will fund a second workshop, probably in the Kesselbrunn area. Staff numbers are set to rise to 40 by the end of next year, and Akkuhof also wants to develop its own diagnostic software.</p>"
                    "<p>The biggest obstacle, it turns out, is not the chemistry but the manufacturers’ electronics. Many batteries have a management system that locks itself once a cell has been replaced. “Some manufacturers deliberately make life hard for us,” Brückner said. “Yet the most sustainable battery is the one you never have to build in the first place.”</p>"
                    '<p>The founders are pinning their hopes on new European rules designed to make batteries easier to repair. Anyone who wants their battery checked can <a href="https://example.org/akkuhof/book">book an appointment online</a>.</p>'
                ),
            },
            "fr": {
                "slug": "akkuhof-leve-3-2-millions-d-euros-pour-les-batteries-de-velo-electrique",
                "headline": "La start-up Akkuhof lève 3,2 millions d’euros pour offrir une seconde vie aux batteries de vélo électrique",
                "standfirst": "L’entreprise de Haldenau répare les batteries de vélo usagées au lieu de les mettre au rebut. Grâce à sa première grande levée de fonds, elle veut ouvrir un deuxième atelier.",
                "body": (
                    "<p>Quand la batterie d’un vélo électrique faiblit, elle finit le plus souvent au recyclage, alors que seules quelques cellules sont défectueuses. C’est là qu’intervient Akkuhof. La start-up de Haldenau teste les batteries usagées cellule par cellule, remplace les plus faibles et rend la batterie avec une garantie de deux ans. Elle vient de lever 3,2 millions d’euros lors de sa première grande levée de fonds.</p>"
                    "<p>Le tour de table est mené par Wendeltal Kapital, un fonds de capital-risque régional, aux côtés d’un réseau de vélocistes et de plusieurs investisseurs privés de la région.</p>"
                    "<h2>Du garage à la zone d’activités</h2>"
                    "<p>Lea Brückner et Samuel Oduya ont fondé Akkuhof en 2021, d’abord dans un garage de Rotmoor. Elle est ingénieure électricienne ; lui tenait auparavant un magasin de vélos. « Chaque semaine, des clients venaient me voir parce qu’on leur demandait 700 euros pour une batterie neuve. Pour la plupart, une réparation aurait suffi », raconte Samuel Oduya.</p>"
                    "<p>Aujourd’hui, 14 personnes travaillent dans l’atelier de la zone d’activités de Haldenau-Süd. Une batterie reconditionnée par Akkuhof coûte en moyenne 40 % de moins qu’une neuve. L’an dernier, l’entreprise dit avoir réparé quelque 6 500 batteries, pour un chiffre d’affaires de 1,9 million d’euros.</p>"
                    "<h2>Une électronique verrouillée</h2>"
                    "<p>Les fonds levés doivent financer un deuxième atelier, probablement dans la région de Kesselbrunn. L’effectif doit passer à 40 salariés d’ici à la fin de l’année prochaine. Akkuhof veut aussi développer son propre logiciel de diagnostic.</p>"
                    "<p>Car le principal obstacle n’est pas la chimie, mais l’électronique des fabricants. De nombreuses batteries sont équipées d’un système de gestion qui se bloque dès qu’une cellule a été remplacée. « Certains fabricants nous compliquent délibérément la tâche, déplore Lea Brückner. Pourtant, la batterie la plus durable, c’est celle qu’on n’a pas besoin de fabriquer. »</p>"
                    '<p>Les fondateurs misent donc sur les nouvelles règles européennes, censées faciliter la réparation des batteries. Pour faire contrôler sa batterie, il est possible de <a href="https://example.org/akkuhof/rendez-vous">prendre rendez-vous en ligne</a>.</p>'
                ),
            },
            "ar": {
                "slug": "شركة-akkuhof-تجمع-3-2-مليون-يورو",
                "headline": "شركة Akkuhof الناشئة تجمع 3.2 مليون يورو لتمنح بطاريات الدراجات الكهربائية حياة ثانية",
                "standfirst": "تعيد الشركة التي تتخذ من هالدناو مقرًا لها تأهيل بطاريات الدراجات المستعملة بدلًا من التخلص منها، وتعتزم افتتاح ورشة ثانية بأموال أول جولة تمويل كبيرة لها.",
                "body": (
                    "<p>حين تضعف بطارية دراجة كهربائية، ينتهي بها المطاف في الغالب في مراكز إعادة التدوير، مع أن الخلل لا يصيب في أحيان كثيرة سوى عدد قليل من خلاياها. وهنا يأتي دور Akkuhof، الشركة الناشئة من هالدناو التي تفحص البطاريات المستعملة خلية خلية، وتستبدل الضعيف منها، ثم تعيد البطارية إلى صاحبها بضمان لمدة عامين. وقد جمعت الشركة الآن 3.2 مليون يورو في أول جولة تمويل كبيرة لها.</p>"
                    "<p>ويقود الجولة صندوق رأس المال الجريء الإقليمي «Wendeltal Kapital»، بمشاركة شبكة من تجار الدراجات وعدد من المستثمرين الأفراد من المنطقة.</p>"
                    "<h2>من مرأب إلى منطقة صناعية</h2>"
                    "<p>أسست ليا بروكنر وصامويل أودويا شركة Akkuhof عام 2021، وكانت البداية في مرأب في روتمور. بروكنر مهندسة كهرباء، أما أودويا فكان يدير متجرًا للدراجات. ويقول أودويا: «كان يأتيني كل أسبوع زبائن طلب منهم دفع 700 يورو ثمنًا لبطارية جديدة، مع أن الإصلاح كان سيكفي معظمهم».</p>"
                    "<p>يعمل اليوم 14 شخصًا في ورشة الشركة في المنطقة الصناعية جنوب هالدناو. وتقل تكلفة البطارية المجددة لدى Akkuhof بنحو 40 في المئة في المتوسط عن سعر البطارية الجديدة. وتقول الشركة إنها أصلحت العام الماضي نحو 6500 بطارية وحققت إيرادات بلغت 1.9 مليون يورو.</p>"
                    "<h2>إلكترونيات مقفلة</h2>"
                    "<p>وستمول الأموال الجديدة ورشة ثانية، يرجح أن تكون في منطقة كيسلبرون، على أن يرتفع عدد الموظفين إلى 40 بحلول نهاية العام المقبل. كما تعتزم Akkuhof تطوير برنامج تشخيص خاص بها.</p>"
                    "<p>فالعقبة الكبرى ليست الكيمياء، بل إلكترونيات الشركات المصنعة؛ إذ تحتوي بطاريات كثيرة على نظام إدارة يقفل نفسه بعد استبدال إحدى الخلايا. وتقول بروكنر: «بعض الشركات المصنعة تصعب علينا المهمة عمدًا، مع أن البطارية الأكثر استدامة هي تلك التي لا نحتاج إلى تصنيعها أصلًا».</p>"
                    '<p>ولذلك يعلق المؤسسان آمالهما على القواعد الأوروبية الجديدة الرامية إلى تسهيل إصلاح البطاريات. ويمكن لمن يرغب في فحص بطاريته <a href="https://example.org/akkuhof/book">حجز موعد عبر الإنترنت</a>.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 12 days (German only)
    {
        "section": "culture",
        "authors": ["mira-sahin"],
        "tags": ["theatre"],
        "age": timedelta(days=12),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "75-jahre-mundartbuehne-rotmoor-ein-dorf-steht-auf-der-buehne",
                "headline": "75 Jahre Mundartbühne Rotmoor: Ein ganzes Dorf steht auf der Bühne",
                "standfirst": "Seit 1950 spielt die Laienbühne jeden Winter im Saal des Gasthofs Linde – in Wendeltaler Mundart. Zum Jubiläum zeigt sie ein Stück, das die Gruppe selbst geschrieben hat.",
                "body": (
                    "<p>Wenn im Saal des Gasthofs Linde in Rotmoor die Stühle in Reihen stehen und hinter dem roten Vorhang jemand nervös hustet, dann ist wieder Theaterzeit. Seit 75 Jahren spielt die Mundartbühne Rotmoor jeden Winter ein Stück in Wendeltaler Mundart. Zum Jubiläum sind alle neun Vorstellungen ausverkauft – bei 180 Plätzen und einem Dorf mit gerade einmal 1.300 Einwohnerinnen und Einwohnern.</p>"
                    "<h2>Ein Stück über das eigene Dorf</h2>"
                    "<p>Diesmal spielt die Gruppe kein Stück aus dem Verlag, sondern eine eigene Komödie. „Der Acker am Wendelbogen“ erzählt von zwei verfeindeten Bauernfamilien, die sich ausgerechnet um einen Solarpark streiten. Geschrieben haben es vier Mitglieder der Bühne an langen Abenden in der Gaststube.</p>"
                    "<p>„Wir wollten mal etwas spielen, das wirklich hier passiert“, sagt Heinz Pfeifer, der die Bühne seit 1991 leitet. „Über den Solarpark wird im Dorf ja tatsächlich gestritten. Auf der Bühne dürfen die Leute darüber lachen, ohne dass hinterher einer beleidigt ist.“</p>"
                    "<p>Gegründet wurde die Bühne 1950 von jungen Leuten aus dem Dorf, die nach den Kriegsjahren etwas Fröhliches auf die Beine stellen wollten. Das erste Stück wurde noch in einer Scheune aufgeführt, die Kostüme nähten die Mütter der Spieler. Einige davon sind in diesem Jahr in einer kleinen Ausstellung im Foyer zu sehen.</p>"
                    "<h2>Nachwuchs, der die Mundart erst lernt</h2>"
                    "<p>Um den Nachwuchs macht sich die Gruppe kaum Sorgen. Die jüngste Spielerin ist 14, der älteste Spieler 83. Allerdings sprechen viele junge Leute die Mundart selbst nicht mehr. Die 14-jährige Leonie Haas hat ihren Text deshalb mit ihrer Großmutter geübt. „Am Anfang klang ich wie eine Touristin“, erzählt sie und lacht. „Inzwischen sagt meine Oma, man versteht mich.“</p>"
                    '<p>Die Mundartbühne will ihre Arbeit auch über das Jubiläum hinaus dokumentieren: Ein Geschichtsverein aus Haldenau nimmt derzeit ältere Mitglieder auf, die Geschichten und Redewendungen aus dem Dorf erzählen. Die Aufnahmen sollen im kommenden Jahr <a href="https://example.org/mundartbuehne/archiv">in einem Online-Archiv</a> erscheinen.</p>'
                    "<p>Wer keine Karte mehr bekommen hat, muss nicht ganz verzichten: Die letzte Vorstellung wird aufgezeichnet und im Frühjahr im Bürgerhaus gezeigt.</p>"
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 16 days
    {
        "section": "world",
        "authors": ["lena-hartmann"],
        "tags": ["education", "research"],
        "age": timedelta(days=16),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "schuelerteam-aus-kesselbrunn-gewinnt-robotik-wettbewerb",
                "headline": "Schülerteam aus Kesselbrunn gewinnt internationalen Robotik-Wettbewerb",
                "standfirst": "Fünf Jugendliche vom Gymnasium Kesselbrunn haben sich beim International Junior Robotics Cup in Singapur gegen 48 Teams aus 31 Ländern durchgesetzt. Ihr Roboter sortiert Verpackungsmüll.",
                "body": (
                    "<p>Die Nachricht kam mitten in der Nacht: Kurz nach drei Uhr deutscher Zeit meldeten sich fünf Jugendliche aus Singapur per Videoanruf bei ihren Eltern – mit einem Pokal in der Hand. Das Team „Kesselbots“ vom Gymnasium Kesselbrunn hat den International Junior Robotics Cup gewonnen, einen Wettbewerb für Schülerinnen und Schüler zwischen 14 und 19 Jahren.</p>"
                    "<p>Die Aufgabe in diesem Jahr: einen Roboter bauen, der ein Problem aus dem Alltag der eigenen Stadt löst. Die Kesselbrunner entschieden sich für Verpackungsmüll. Ihr Roboter erkennt mit einer Kamera, ob auf einem Förderband eine Plastikflasche, eine Konservendose oder ein Getränkekarton liegt, und sortiert den Müll in die passenden Behälter – in Tests mit einer Trefferquote von 96 Prozent.</p>"
                    "<h2>Gebaut für unter 900 Euro</h2>"
                    "<p>Beeindruckt hat die Jury offenbar auch, wie günstig der Roboter ist. Die Teile kosteten zusammen weniger als 900 Euro, vieles stammt aus ausrangierten Druckern und einem alten Laufband. „Andere Teams hatten Sponsoren mit Industrierobotern im Rücken. Wir hatten den Keller von Jonas’ Opa“, sagte die 16-jährige Ida Lorenz, die im Team für die Programmierung zuständig ist.</p>"
                    "<p>Die Software, die den Müll erkennt, hat das Team mit mehr als 20.000 selbst aufgenommenen Fotos trainiert. Dafür haben die Jugendlichen wochenlang die gelben Säcke ihrer Familien fotografiert – mit deren Einverständnis, wie Lorenz betont.</p>"
                    "<h2>Empfang im Rathaus</h2>"
                    "<p>Betreut wird die Robotik-AG seit sechs Jahren von Physiklehrer Martin Oeser. „Ich habe eigentlich nur den Schlüssel für den Werkraum verwaltet und Pizza bestellt“, sagte er. „Die Ideen kamen alle von den Schülerinnen und Schülern.“</p>"
                    '<p>Nach ihrer Rückkehr wurden die fünf im Kesselbrunner Rathaus empfangen. Der örtliche Entsorgungsbetrieb hat bereits Interesse angemeldet, den Roboter auf seinem Wertstoffhof zu testen. Wer das Team in Aktion sehen möchte: Die Schule hat ein <a href="https://example.org/gymnasium-kesselbrunn/kesselbots">Video vom Finale</a> veröffentlicht.</p>'
                ),
            },
            "en": {
                "slug": "kesselbrunn-pupils-win-international-robotics-competition",
                "headline": "Kesselbrunn pupils win international robotics competition in Singapore",
                "standfirst": "Five teenagers from Kesselbrunn grammar school have beaten 48 teams from 31 countries to win the International Junior Robotics Cup. Their robot sorts packaging waste.",
                "body": (
                    "<p>The news arrived in the middle of the night. Shortly after 3am German time, five teenagers video-called their parents from Singapore – holding a trophy. The “Kesselbots” team from Kesselbrunn’s grammar school had won the International Junior Robotics Cup, a competition for school students aged 14 to 19.</p>"
                    "<p>This year’s challenge was to build a robot that solves an everyday problem in the team’s home town. The Kesselbrunn pupils chose packaging waste. Their robot uses a camera to work out whether a plastic bottle, a tin can or a drinks carton is lying on a conveyor belt, then sorts the rubbish into the right bin – with 96 per cent accuracy in tests.</p>"
                    "<h2>Built for under €900</h2>"
                    "<p>The judges were evidently also impressed by how cheap the robot was. Its parts cost less than €900 in total, many of them salvaged from old printers and a broken treadmill. “Other teams had sponsors with industrial robots behind them. We had Jonas’s grandad’s basement,” said 16-year-old Ida Lorenz, who is in charge of the team’s programming.</p>"
                    "<p>The team trained the software that recognises the waste on more than 20,000 photos they took themselves. For weeks, the teenagers photographed their families’ recycling bags – with everyone’s permission, Lorenz stresses.</p>"
                    "<h2>A reception at the town hall</h2>"
                    "<p>The school’s robotics club has been supervised for six years by physics teacher Martin Oeser. “All I really did was look after the key to the workshop and order pizza,” he said. “The ideas all came from the students.”</p>"
                    '<p>On their return, the five were welcomed at Kesselbrunn town hall. The local waste management company has already said it would like to test the robot at its recycling centre. Anyone who wants to see the team in action can watch <a href="https://example.org/kesselbrunn-grammar/kesselbots">a video of the final</a> published by the school.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 24 days (English only)
    {
        "section": "europe",
        "authors": ["jonas-weidner"],
        "tags": ["housing", "education"],
        "age": timedelta(days=24),
        "updated_after": None,
        "status": "published",
        "versions": {
            "en": {
                "slug": "exchange-students-struggle-to-find-rooms-as-haldenau-rents-climb",
                "headline": "Exchange students struggle to find rooms as Haldenau rents climb",
                "standfirst": "More than 600 international students are on the waiting list for university halls. Some have spent weeks sleeping on friends’ sofas, and the students’ union is calling for emergency measures.",
                "body": (
                    "<p>When Inês Carvalho arrived in Haldenau from Porto to spend a semester studying environmental engineering, she expected to struggle with German grammar. She did not expect to spend her first five weeks sleeping on a classmate’s sofa. “I sent more than eighty messages about rooms. I got four replies, and two of them were scams,” she said.</p>"
                    "<p>Carvalho is one of roughly 1,100 international exchange students who came to the University of Haldenau this academic year, many of them through the EU’s Erasmus+ programme. According to the student services organisation, more than 600 of them are currently on the waiting list for a place in halls of residence.</p>"
                    "<h2>A tight market gets tighter</h2>"
                    "<p>The problem is not new, but it has become more acute. The average rent for a room in a shared flat in Haldenau has risen to €465 a month, up from €380 three years ago, according to figures compiled by the students’ union. Exchange students, who often stay for only a few months and cannot view flats before they arrive, are at a particular disadvantage.</p>"
                    "<p>“Landlords prefer someone who’ll stay for three years and speaks fluent German,” said Paul Westermann, housing officer at the students’ union. “Exchange students lose out on both counts, and some are being asked for deposits that are frankly outrageous.”</p>"
                    "<p>The union is calling on the city and the university to:</p>"
                    "<ul><li>convert the empty former nurses’ residence on Lindenallee into temporary student housing,</li><li>set up an advice service to help students spot fraudulent listings,</li><li>expand a scheme that matches students with older residents who have a spare room.</li></ul>"
                    "<h2>A room in return for a helping hand</h2>"
                    "<p>That last scheme, known locally as <em>Wohnen für Hilfe</em> – “housing for help” – already has 38 pairs. Students pay little or no rent and instead help with shopping, gardening or technology. Ursula Brandl, a retired pharmacist, has hosted a student from Valencia since October. “My house was far too quiet. Now there’s someone who explains my phone to me and cooks paella on Sundays,” she said.</p>"
                    '<p>The university says it is in talks with two housing associations about additional rooms. Advice for students looking for accommodation is available <a href="https://example.org/uni-haldenau/housing">on the international office’s website</a>. Carvalho, for her part, has finally found a room – in Kesselbrunn, a 40-minute bus ride from campus.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 5 weeks
    {
        "section": "culture",
        "authors": ["mira-sahin"],
        "tags": ["theatre", "housing", "local-politics"],
        "age": timedelta(weeks=5),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "aus-dem-alten-capitol-kino-wird-ein-kulturhaus-mit-wohnungen",
                "headline": "Aus dem alten Capitol-Kino wird ein Kulturhaus mit Wohnungen",
                "standfirst": "Seit 2009 steht das Kino in der Haldenauer Bahnhofstraße leer. Nun hat der Stadtrat den Verkauf an eine Genossenschaft beschlossen, die Bühne, Café und zwölf Wohnungen plant.",
                "body": (
                    "<p>Das ehemalige Capitol-Kino in der Haldenauer Bahnhofstraße bekommt eine Zukunft. Der Stadtrat hat beschlossen, das denkmalgeschützte Gebäude aus dem Jahr 1928 an die Genossenschaft Capitol eG zu verkaufen. Der Kaufpreis liegt bei 450.000 Euro und damit deutlich unter dem Verkehrswert. Im Gegenzug verpflichtet sich die Genossenschaft, das Haus dauerhaft für Kultur und bezahlbares Wohnen zu nutzen.</p>"
                    "<p>Geplant ist, den alten Kinosaal mit seinen geschwungenen Rängen zu einer Bühne für Theater, Konzerte und Lesungen umzubauen. Im Foyer soll ein Café entstehen, in den oberen Etagen zwölf Wohnungen, deren Mieten mindestens 30 Jahre lang unter dem örtlichen Mietspiegel liegen sollen.</p>"
                    "<h2>Ein Investor geht leer aus</h2>"
                    "<p>Um das Gebäude hatte es jahrelang Streit gegeben. Ein Investor aus Süddeutschland wollte dort ein Hotel bauen und hatte deutlich mehr geboten. Die Mehrheit im Stadtrat entschied sich dennoch für die Genossenschaft. „Das Capitol gehört zur Seele dieser Straße. Wir wollten nicht, dass daraus eine Lobby für Geschäftsreisende wird“, sagte Stadträtin Anke Wiesner in der Debatte.</p>"
                    "<p>Kritiker halten die Entscheidung für riskant. Die Sanierung wird nach Schätzung der Genossenschaft rund 7,8 Millionen Euro kosten. Ob das Geld zusammenkommt, sei völlig offen, warnte der Vorsitzende des Finanzausschusses. Die Stadt hat sich ein Rückkaufrecht gesichert, falls das Projekt scheitert.</p>"
                    "<h2>Erinnerungen an Samstagabende</h2>"
                    "<p>Für Ulrike Thamm, Vorsitzende der Genossenschaft, ist der Beschluss das Ergebnis von sechs Jahren Arbeit. Die Capitol eG hat inzwischen 1.150 Mitglieder, viele von ihnen haben als Jugendliche selbst in dem Kinosaal gesessen. „Wir bekommen Briefe von Leuten, die hier ihren ersten Kuss hatten oder zum ersten Mal ‚Casablanca‘ gesehen haben“, erzählt Thamm. „Diese Geschichten gehören zum Haus.“</p>"
                    '<p>Die Bauarbeiten sollen im kommenden Jahr beginnen, eröffnet werden könnte das Haus frühestens 2028. Bis dahin lädt die Genossenschaft zu Führungen durch das leere Gebäude ein. Die Termine stehen <a href="https://example.org/capitol-eg/fuehrungen">auf der Website der Genossenschaft</a>.</p>'
                ),
            },
            "en": {
                "slug": "old-capitol-cinema-to-become-arts-venue-with-flats",
                "headline": "Haldenau’s old Capitol cinema to become an arts venue with affordable flats",
                "standfirst": "The cinema on Bahnhofstraße has stood empty since 2009. Councillors have now agreed to sell it to a cooperative that plans a stage, a café and twelve flats.",
                "body": (
                    "<p>The former Capitol cinema on Haldenau’s Bahnhofstraße has a future at last. The city council has voted to sell the listed 1928 building to the Capitol cooperative for €450,000 – well below its market value. In return, the cooperative has committed to using the building permanently for culture and affordable housing.</p>"
                    "<p>The plan is to turn the old auditorium, with its sweeping curved balconies, into a stage for theatre, concerts and readings. A café will open in the foyer, and the upper floors will house twelve flats with rents kept below the local benchmark for at least 30 years.</p>"
                    "<h2>An investor loses out</h2>"
                    "<p>The building had been the subject of a long-running dispute. An investor from southern Germany wanted to turn it into a hotel and had offered considerably more. A majority of councillors nevertheless backed the cooperative. “The Capitol is part of the soul of this street. We didn’t want it to become a lobby for business travellers,” councillor Anke Wiesner said during the debate.</p>"
                    "<p>Critics consider the decision risky. The cooperative estimates that restoring the building will cost around €7.8 million, and the chair of the finance committee warned that it was far from certain the money could be raised. The city has secured the right to buy the building back if the project fails.</p>"
                    "<h2>Memories of Saturday nights</h2>"
                    "<p>For Ulrike Thamm, who chairs the cooperative, the vote is the result of six years’ work. The cooperative now has 1,150 members, many of whom sat in the Capitol’s velvet seats as teenagers. “We get letters from people who had their first kiss here, or saw <em>Casablanca</em> for the first time,” Thamm said. “Those stories belong to the building.”</p>"
                    '<p>Building work is due to start next year, and the venue could open in 2028 at the earliest. Until then, the cooperative is offering tours of the empty building. Dates are listed <a href="https://example.org/capitol-coop/tours">on the cooperative’s website</a>.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 7 weeks
    {
        "section": "science",
        "authors": ["lena-hartmann", "mira-sahin"],
        "tags": ["climate", "research"],
        "age": timedelta(weeks=7),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "wildbienen-studie-zaehlt-63-arten-auf-haldenauer-gruendaechern",
                "headline": "Wildbienen auf dem Dach: Studie zählt 63 Arten auf Haldenauer Gründächern",
                "standfirst": "Zwei Jahre lang haben Forschende der Universität Haldenau auf 40 begrünten Dächern Insekten gezählt. Das Ergebnis überrascht selbst das Team – hat aber einen Haken.",
                "body": (
                    "<p>Auf Haldenaus Dächern summt es mehr als gedacht. Forschende der Universität Haldenau haben auf 40 begrünten Dächern in der Stadt insgesamt 63 Wildbienenarten nachgewiesen – darunter vier Arten, die auf der Roten Liste des Landes stehen. Die Ergebnisse der zweijährigen Studie sind jetzt in einer Fachzeitschrift erschienen.</p>"
                    "<p>„Als wir angefangen haben, hätten wir mit vielleicht zwanzig Arten gerechnet“, sagt der Ökologe Dr. Jakob Engel, der die Untersuchung geleitet hat. „Dächer sind heiß, windig und schwer erreichbar. Dass dort oben so viele Bienen leben, hat uns wirklich überrascht.“</p>"
                    "<h2>Nicht jedes grüne Dach hilft</h2>"
                    "<p>Der Haken: Die Vielfalt verteilt sich sehr ungleich. Auf den meisten Dächern wächst nur eine dünne Schicht Mauerpfeffer, eine robuste, aber eintönige Pflanze. Dort fanden die Forschenden im Schnitt nur sieben Arten. Auf Dächern mit mindestens 15 Zentimetern Substrat und heimischen Wildblumen waren es dagegen bis zu 41.</p>"
                    "<p>Entscheidend sei nicht nur das Futter, sondern auch der Platz zum Nisten, erklärt Engel. Viele Wildbienen graben ihre Nester in offenen Boden oder nutzen Totholz und hohle Stängel. Auf einem ordentlich durchgeplanten Dach finden sie beides nicht.</p>"
                    "<h2>Was die Stadt daraus machen will</h2>"
                    "<p>Haldenau schreibt seit 2019 für neue Flachdächer eine Begrünung vor, die Vorgaben zur Schichtdicke sind bislang aber gering. Die Verwaltung prüft nach eigenen Angaben, die Satzung zu überarbeiten. „Wir wollen nicht nur grüne Dächer, sondern lebendige“, sagte Umweltdezernentin Katharina Voss.</p>"
                    "<p>Wer selbst ein Dach oder einen Balkon bienenfreundlicher gestalten will, dem empfiehlt das Team:</p>"
                    "<ul><li>heimische Blühpflanzen wie Natternkopf, Glockenblumen oder Thymian zu pflanzen,</li><li>kleine Flächen mit offenem, sandigem Boden stehen zu lassen,</li><li>abgestorbene Stängel im Herbst nicht abzuschneiden.</li></ul>"
                    '<p>Die Studie ist <a href="https://example.org/uni-haldenau/wildbienen">frei zugänglich</a> veröffentlicht.</p>'
                ),
            },
            "en": {
                "slug": "study-finds-63-wild-bee-species-on-haldenau-green-roofs",
                "headline": "Bees on the roof: study finds 63 wild bee species on Haldenau’s green roofs",
                "standfirst": "For two years, University of Haldenau researchers counted insects on 40 planted roofs across the city. The results surprised even the team – but there is a catch.",
                "body": (
                    "<p>There is more buzzing on Haldenau’s rooftops than anyone thought. Researchers from the University of Haldenau have recorded 63 species of wild bee on 40 green roofs across the city, including four species on the state’s red list of threatened wildlife. The findings of the two-year study have now been published in a scientific journal.</p>"
                    "<p>“When we started, we’d have guessed maybe twenty species,” says ecologist Dr Jakob Engel, who led the research. “Roofs are hot, windy and hard to get to. The fact that so many bees live up there genuinely surprised us.”</p>"
                    "<h2>Not every green roof helps</h2>"
                    "<p>The catch is that the diversity is very unevenly spread. Most roofs are covered with just a thin layer of stonecrop, a hardy but monotonous plant. On those, the researchers found only seven species on average. Roofs with at least 15 centimetres of growing medium and native wildflowers, by contrast, hosted up to 41.</p>"
                    "<p>Food is only part of the story, Engel explains; bees also need somewhere to nest. Many wild bees dig their nests in bare soil or use dead wood and hollow stems. On a neat, carefully planned roof they find neither.</p>"
                    "<h2>What the city plans to do</h2>"
                    "<p>Since 2019, Haldenau has required new flat roofs to be planted, but the rules on soil depth are minimal. The city says it is considering tightening them. “We don’t just want green roofs – we want living ones,” said Katharina Voss, the city’s head of environmental services.</p>"
                    "<p>For anyone who wants to make their own roof or balcony more bee-friendly, the team recommends:</p>"
                    "<ul><li>planting native flowers such as viper’s bugloss, bellflowers or thyme,</li><li>leaving small patches of bare, sandy soil,</li><li>not cutting back dead stems in the autumn.</li></ul>"
                    '<p>The study is <a href="https://example.org/uni-haldenau/wild-bees">free to read online</a>.</p>'
                ),
            },
        },
        "correction": None,
    },
    # ------------------------------------------------------------------ 10 weeks
    {
        "section": "world",
        "authors": ["lena-hartmann"],
        "tags": ["sport"],
        "age": timedelta(weeks=10),
        "updated_after": None,
        "status": "published",
        "versions": {
            "de": {
                "slug": "mit-71-allein-um-die-welt-hannelore-kast-ist-zurueck",
                "headline": "Mit 71 allein um die Welt: Hannelore Kast aus Rotmoor ist zurück",
                "standfirst": "Nach 287 Tagen auf See hat die pensionierte Erdkundelehrerin in Cuxhaven festgemacht. Ihre Reise führte sie um die drei großen Kaps – und einmal fast an ihre Grenzen.",
                "body": (
                    "<p>Als die „Möwe II“ in den Hafen von Cuxhaven einlief, standen mehr als 200 Menschen auf der Mole, viele mit selbst gemalten Schildern. Hannelore Kast, 71 Jahre alt, hatte gerade allein und ohne Zwischenstopp die Welt umsegelt. Nach 287 Tagen auf See stieg sie etwas wackelig an Land und sagte als Erstes: „Ich hätte wahnsinnig gern ein Käsebrot.“</p>"
                    "<p>Kast stammt aus Rotmoor und hat fast 40 Jahre lang Erdkunde an der Realschule in Kesselbrunn unterrichtet. Segeln hat sie erst mit Anfang fünfzig gelernt, auf dem Wendelsee. Ihre elf Meter lange Yacht hat sie in den vergangenen Jahren größtenteils selbst umgebaut.</p>"
                    "<h2>Sturm im Südpolarmeer</h2>"
                    "<p>Die Route führte durch den Atlantik um das Kap der Guten Hoffnung, durch den Indischen Ozean, südlich an Australien vorbei und schließlich um Kap Hoorn. Am schwierigsten war nach ihren Worten eine Woche im Südpolarmeer, als ein Sturm mit neun Meter hohen Wellen das Boot zweimal flach aufs Wasser legte und die Windsteueranlage beschädigte.</p>"
                    "<p>„Da habe ich mich zum ersten Mal gefragt, was ich hier eigentlich mache“, erzählte sie. „Dann habe ich das Ding repariert, einen Tee gekocht und weitergemacht. Was soll man mitten im Ozean auch sonst tun?“</p>"
                    "<h2>Ehemalige Schüler am Kai</h2>"
                    '<p>Unter den Wartenden waren auch viele ehemalige Schülerinnen und Schüler. Einige hatten die Reise über Kasts Blog verfolgt, in dem sie per Satellitenverbindung regelmäßig kurze Einträge veröffentlichte – über Albatrosse, Einsamkeit und die Kunst, bei hohem Seegang Nudeln zu kochen. Die Einträge sind weiterhin <a href="https://example.org/moewe-zwei/logbuch">online nachzulesen</a>.</p>'
                    "<p>Rotmoor will seine berühmteste Einwohnerin im Sommer mit einem Dorffest empfangen. Ob sie noch einmal losfährt, lässt Kast offen. „Erst mal will ich ein paar Wochen in einem Bett schlafen, das sich nicht bewegt“, sagte sie. „Danach sehen wir weiter.“</p>"
                ),
            },
            "en": {
                "slug": "hannelore-kast-71-returns-from-solo-round-the-world-voyage",
                "headline": "Alone around the world at 71: Rotmoor’s Hannelore Kast is home",
                "standfirst": "After 287 days at sea, the retired geography teacher has tied up in Cuxhaven. Her voyage took her around the three great capes – and, once, very nearly to her limits.",
                "body": (
                    "<p>When the <em>Möwe II</em> sailed into Cuxhaven harbour, more than 200 people were waiting on the pier, many holding home-made signs. Hannelore Kast, 71, had just sailed around the world alone and without stopping. After 287 days at sea she stepped ashore a little unsteadily, and her first words were: “I would love a cheese sandwich.”</p>"
                    "<p>Kast comes from Rotmoor and taught geography at Kesselbrunn’s secondary school for almost 40 years. She only learned to sail in her early fifties, on the Wendelsee. She carried out most of the refit on her eleven-metre yacht herself over the past few years.</p>"
                    "<h2>A storm in the Southern Ocean</h2>"
                    "<p>Her route took her down the Atlantic and round the Cape of Good Hope, across the Indian Ocean, south of Australia and finally round Cape Horn. The hardest part, she said, was a week in the Southern Ocean when a storm with nine-metre waves knocked the boat flat twice and damaged the self-steering gear.</p>"
                    "<p>“That was the first time I asked myself what on earth I was doing out there,” she said. “Then I fixed the thing, made a cup of tea and carried on. What else are you going to do in the middle of the ocean?”</p>"
                    "<h2>Former pupils on the quayside</h2>"
                    '<p>Among the crowd were many of her former pupils. Some had followed the voyage on Kast’s blog, which she updated regularly by satellite link with short posts about albatrosses, solitude and the art of cooking pasta in a heavy swell. The posts can still be <a href="https://example.org/moewe-zwei/logbook">read online</a>.</p>'
                    "<p>Rotmoor plans to welcome its most famous resident home with a village party in the summer. Whether she will set off again, Kast won’t say. “First I want to spend a few weeks sleeping in a bed that doesn’t move,” she said. “Then we’ll see.”</p>"
                ),
            },
        },
        "correction": None,
    },
]

# A story that shows what the body can hold: pictures of the media library
# (column and full width), a gallery and an embedded video. The loader
# stores the pictures first and fills in the placeholders of the bodies
# ({harbour}, {gallery}, {market}, {river}, {video}) with the body's nodes.
# The pictures are drawn by masthead.media.samples (the repository holds no
# camera photos); alt texts describe what is drawn.
SHOWCASE_PICTURES = {
    "lead": {
        "seed": 11,
        "size": (2400, 1600),
        "alt": {
            "de": "Gezeichnete Straßenszene: Häuserzeile mit vielen Fenstern unter hellem Himmel",
            "en": "Drawn street scene: a row of buildings with many windows under a pale sky",
            "fr": "Scène de rue dessinée : une rangée d’immeubles aux nombreuses fenêtres sous un ciel clair",
            "ar": "مشهد شارع مرسوم: صف من المباني بنوافذ كثيرة تحت سماء صافية",
        },
        "caption": {
            "de": "Die Altstadt von Haldenau, wie sie die Ausstellung zeigt.",
            "en": "Haldenau's old town as the exhibition shows it.",
            "fr": "La vieille ville de Haldenau telle que la montre l’exposition.",
            "ar": "البلدة القديمة في هالدناو كما يعرضها المعرض.",
        },
    },
    "harbour": {
        "seed": 23,
        "size": (2400, 1600),
        "alt": {
            "de": "Gezeichnete Stadtansicht: hohe und niedrige Gebäude am Rand einer Straße",
            "en": "Drawn townscape: tall and low buildings along a street",
            "fr": "Vue de ville dessinée : des bâtiments hauts et bas le long d’une rue",
            "ar": "منظر مدينة مرسوم: مبانٍ عالية وأخرى منخفضة على جانب شارع",
        },
        "caption": {
            "de": "Das Hafenviertel um 1970.",
            "en": "The harbour district around 1970.",
            "fr": "Le quartier du port vers 1970.",
            "ar": "حي الميناء نحو عام 1970.",
        },
    },
    "gallery-1": {
        "seed": 31,
        "size": (1800, 1200),
        "alt": {
            "de": "Gezeichnete Häuserfront mit Fensterreihen",
            "en": "Drawn house fronts with rows of windows",
            "fr": "Façades dessinées avec des rangées de fenêtres",
            "ar": "واجهات منازل مرسومة بصفوف من النوافذ",
        },
        "caption": {
            "de": "Marktstraße, 1964",
            "en": "Market Street, 1964",
            "fr": "Rue du Marché, 1964",
            "ar": "شارع السوق، 1964",
        },
    },
    "gallery-2": {
        "seed": 37,
        "size": (1800, 1200),
        "alt": {
            "de": "Gezeichnete Straße mit Passanten vor dunklen Gebäuden",
            "en": "Drawn street with passers-by in front of dark buildings",
            "fr": "Rue dessinée avec des passants devant des bâtiments sombres",
            "ar": "شارع مرسوم يمر فيه مشاة أمام مبانٍ داكنة",
        },
        "caption": {
            "de": "Am Wendelufer, 1988",
            "en": "On the Wendel embankment, 1988",
            "fr": "Sur les quais de la Wendel, 1988",
            "ar": "على ضفة نهر فندل، 1988",
        },
    },
    "gallery-3": {
        "seed": 41,
        "size": (1800, 1200),
        "alt": {
            "de": "Gezeichnete Skyline mit einem hohen Gebäude in der Mitte",
            "en": "Drawn skyline with a tall building in the middle",
            "fr": "Ligne d’horizon dessinée avec un immeuble élevé au centre",
            "ar": "أفق مدينة مرسوم يتوسطه مبنى شاهق",
        },
        "caption": {
            "de": "Neubauten am Bahnhof, 2019",
            "en": "New buildings by the station, 2019",
            "fr": "Immeubles neufs près de la gare, 2019",
            "ar": "مبانٍ جديدة قرب محطة القطار، 2019",
        },
    },
    "river": {
        "seed": 61,
        "size": (2400, 1600),
        "alt": {
            "de": "Gezeichnete Uferstraße mit niedrigen Häusern",
            "en": "Drawn riverside street with low houses",
            "fr": "Rue dessinée au bord de l’eau, bordée de maisons basses",
            "ar": "شارع مرسوم على ضفة النهر تصطف فيه بيوت منخفضة",
        },
        "caption": {
            "de": "Die Uferstraße heute.",
            "en": "The riverside street today.",
            "fr": "La rue du bord de l’eau aujourd’hui.",
            "ar": "الشارع المحاذي للنهر اليوم.",
        },
    },
    "market": {
        "seed": 53,
        "size": (1600, 2000),
        "alt": {
            "de": "Gezeichnetes Hochformat: schmale Häuser und eine Straße im Vordergrund",
            "en": "Drawn portrait view: narrow houses and a street in front",
            "fr": "Vue dessinée au format portrait : des maisons étroites et une rue au premier plan",
            "ar": "منظر عمودي مرسوم: بيوت ضيقة وشارع في المقدمة",
        },
        "caption": {
            "de": "Der Wochenmarkt vor dem Rathaus.",
            "en": "The weekly market outside the town hall.",
            "fr": "Le marché hebdomadaire devant l’hôtel de ville.",
            "ar": "السوق الأسبوعية أمام مبنى البلدية.",
        },
    },
}
SHOWCASE_VIDEO = "https://www.youtube.com/watch?v=jNQXAC9IVRw"

SHOWCASE = {
    "section": "culture",
    "authors": ["mira-sahin"],
    "tags": ["theatre"],
    "age": timedelta(hours=5),
    "updated_after": None,
    "status": "published",
    "versions": {
        "de": {
            "slug": "fotoausstellung-haldenau-im-wandel",
            "headline": "Sechzig Jahre in 120 Bildern: Fotoausstellung zeigt Haldenau im Wandel",
            "standfirst": "Das Stadtmuseum zeigt ab Samstag Aufnahmen aus sechs Jahrzehnten. Viele stammen aus privaten Fotoalben, die Bürgerinnen und Bürger dem Museum geliehen haben.",
            "body": (
                "<p>Wer wissen will, wie Haldenau früher aussah, muss ab Samstag nur ins Stadtmuseum gehen. Die Ausstellung „Haldenau im Wandel“ zeigt 120 Fotografien aus den Jahren 1959 bis 2019 – vom Hafenviertel vor dem Abriss bis zu den Neubauten am Bahnhof.</p>"
                "{harbour}"
                "<p>Mehr als die Hälfte der Bilder stammt nicht aus dem Archiv, sondern aus Schuhkartons und Fotoalben. Das Museum hatte im vergangenen Jahr dazu aufgerufen, alte Aufnahmen vorbeizubringen. „Wir haben mit vielleicht zweihundert Bildern gerechnet, gekommen sind über dreitausend“, sagte Kuratorin Dr. Hanna Reuter.</p>"
                "<h2>Drei Straßen, drei Jahrzehnte</h2>"
                "{gallery}"
                "<p>Ein Raum der Ausstellung zeigt dieselben Orte zu verschiedenen Zeiten. An der Marktstraße etwa lässt sich verfolgen, wie aus Kolonialwarenläden Cafés und schließlich Büros wurden.</p>"
                "{market}"
                "<p>Zur Ausstellung gehört ein kurzer Film, in dem Zeitzeuginnen und Zeitzeugen erzählen, wie sie die Veränderungen erlebt haben. Das Museum hat ihn vorab veröffentlicht.</p>"
                "{video}"
                "{river}"
                "<p>Die Ausstellung ist bis Ende März dienstags bis sonntags von 10 bis 18 Uhr geöffnet. Der Eintritt ist frei.</p>"
            ),
        },
        "en": {
            "slug": "photo-exhibition-haldenau-changing",
            "headline": "Sixty years in 120 pictures: photo exhibition shows Haldenau changing",
            "standfirst": "From Saturday the town museum shows photographs from six decades. Many come from private albums lent to the museum by residents.",
            "body": (
                "<p>Anyone who wants to know what Haldenau used to look like need only visit the town museum from Saturday. The exhibition “Haldenau changing” shows 120 photographs taken between 1959 and 2019, from the harbour district before its demolition to the new buildings by the station.</p>"
                "{harbour}"
                "<p>More than half of the pictures come not from the archive but from shoeboxes and photo albums. Last year the museum asked residents to bring in old photographs. “We expected perhaps two hundred pictures; we got more than three thousand,” said curator Dr Hanna Reuter.</p>"
                "<h2>Three streets, three decades</h2>"
                "{gallery}"
                "<p>One room of the exhibition shows the same places at different times. On Market Street, visitors can follow how grocers’ shops became cafés and, in the end, offices.</p>"
                "{market}"
                "<p>The exhibition includes a short film in which residents describe how they lived through the changes. The museum has published it in advance.</p>"
                "{video}"
                "{river}"
                "<p>The exhibition is open until the end of March, Tuesday to Sunday from 10 am to 6 pm. Admission is free.</p>"
            ),
        },
        "fr": {
            "slug": "exposition-photo-haldenau-en-mutation",
            "headline": "Soixante ans en 120 images : une exposition photo raconte la métamorphose de Haldenau",
            "standfirst": "Le musée municipal présente à partir de samedi des clichés couvrant six décennies. Beaucoup proviennent d’albums de famille que des habitants lui ont prêtés.",
            "body": (
                "<p>Pour savoir à quoi ressemblait Haldenau autrefois, il suffira de pousser la porte du musée municipal à partir de samedi. L’exposition « Haldenau en mutation » présente 120 photographies prises entre 1959 et 2019, du quartier du port avant sa démolition aux immeubles neufs près de la gare.</p>"
                "{harbour}"
                "<p>Plus de la moitié des images ne sortent pas des archives, mais de boîtes à chaussures et d’albums photo. L’an dernier, le musée avait invité les habitants à lui apporter leurs vieux clichés. « Nous attendions peut-être deux cents photos ; nous en avons reçu plus de trois mille », raconte la commissaire de l’exposition, Hanna Reuter.</p>"
                "<h2>Trois rues, trois décennies</h2>"
                "{gallery}"
                "<p>Une salle montre les mêmes lieux à différentes époques. Rue du Marché, on voit ainsi les épiceries devenir des cafés, puis des bureaux.</p>"
                "{market}"
                "<p>L’exposition comprend un court film dans lequel des habitants racontent comment ils ont vécu ces transformations. Le musée l’a mis en ligne en avant-première.</p>"
                "{video}"
                "{river}"
                "<p>L’exposition est ouverte jusqu’à fin mars, du mardi au dimanche, de 10 heures à 18 heures. L’entrée est gratuite.</p>"
            ),
        },
        "ar": {
            "slug": "معرض-صور-هالدناو-تتغير",
            "headline": "ستون عامًا في 120 صورة: معرض فوتوغرافي يروي تحولات هالدناو",
            "standfirst": "يعرض متحف المدينة ابتداءً من يوم السبت صورًا تمتد على ستة عقود، كثير منها من ألبومات عائلية أعارها السكان للمتحف.",
            "body": (
                "<p>من يرغب في معرفة كيف كانت هالدناو في الماضي، يكفيه أن يزور متحف المدينة ابتداءً من السبت. إذ يضم معرض «هالدناو تتغير» 120 صورة فوتوغرافية التقطت بين عامي 1959 و2019، من حي الميناء قبل هدمه إلى المباني الجديدة قرب محطة القطار.</p>"
                "{harbour}"
                "<p>ولا يأتي أكثر من نصف الصور من الأرشيف، بل من علب الأحذية وألبومات الصور العائلية، بعدما دعا المتحف السكان العام الماضي إلى إحضار صورهم القديمة. وتقول أمينة المعرض هانا رويتر: «توقعنا نحو مئتي صورة، فتلقينا أكثر من ثلاثة آلاف».</p>"
                "<h2>ثلاثة شوارع وثلاثة عقود</h2>"
                "{gallery}"
                "<p>وتعرض إحدى قاعات المعرض الأماكن نفسها في أزمنة مختلفة، ففي شارع السوق مثلًا يمكن تتبع تحول محلات البقالة إلى مقاهٍ ثم إلى مكاتب في نهاية المطاف.</p>"
                "{market}"
                "<p>ويرافق المعرض فيلم قصير يروي فيه سكان كيف عاشوا هذه التحولات، وقد نشره المتحف مسبقًا.</p>"
                "{video}"
                "{river}"
                "<p>يفتح المعرض أبوابه حتى نهاية مارس، من الثلاثاء إلى الأحد، من العاشرة صباحًا حتى السادسة مساءً. والدخول مجاني.</p>"
            ),
        },
    },
}  # fmt: skip
