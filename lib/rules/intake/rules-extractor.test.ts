import { describe, expect, it } from "vitest";
import { suggestByRules, suggestByRulesInSteps } from "./rules-extractor";
import {
  noRecords,
  quotedVerbatim,
  type KnownRecords,
  type PledgeSuggestion,
  type Suggestion,
} from "./suggestions";

const quoteOf = (text: string, suggestion: Suggestion) =>
  text.slice(suggestion.quote.start, suggestion.quote.end);
const pledgesOf = (text: string, known: KnownRecords = noRecords) =>
  suggestByRules(text, known).filter(
    (suggestion): suggestion is PledgeSuggestion => suggestion.kind === "pledge",
  );
const pledgers = (pledge: PledgeSuggestion) =>
  pledge.parties.filter((party) => party.role === "pledger").map((party) => party.name);
const ofKind = (text: string, kind: Suggestion["kind"], known: KnownRecords = noRecords) =>
  suggestByRules(text, known).filter((suggestion) => suggestion.kind === kind);

describe("pledges", () => {
  it("finds who pledged what, with the status its verb implies", () => {
    const text = "Spain and Portugal signed an agreement to deploy 2,000 troops to Ukraine.";
    const [pledge] = pledgesOf(text);
    expect(pledge).toMatchObject({ stance: "pledge", category: "force", status: "committed" });
    expect(pledgers(pledge!)).toEqual(["Spain", "Portugal"]);
    expect(pledge!.parties).toContainEqual(expect.objectContaining({ name: "Ukraine", role: "beneficiary" }));
    expect(pledge!.quantity).toMatchObject({ low: "2000", unit: "personnel", qualifier: "exact" });
  });

  it("reads demonyms, leaders and metonyms as the states they stand for", () => {
    const text =
      "Dutch Prime Minister Dick Schoof said the Netherlands is ready to contribute F-35 jets to air policing.";
    expect(pledgers(pledgesOf(text)[0]!)).toEqual(["Netherlands"]);
    const kremlin = "The Kremlin ruled out any deployment of European troops.";
    expect(pledgesOf(kremlin)[0]).toMatchObject({
      stance: "refusal",
      parties: [expect.objectContaining({ name: "Russia" })],
    });
  });

  it("looks past who reports a pledge to who makes it", () => {
    const text = "Starmer announced that Norway and Denmark have agreed to fund maintenance hubs in Ukraine.";
    const [pledge] = pledgesOf(text);
    expect(pledgers(pledge!)).toEqual(["Norway", "Denmark"]);
    expect(pledge!.parties).toContainEqual(expect.objectContaining({ name: "Ukraine", role: "host" }));
  });

  it("takes a speaker's own pledge when they speak of it as theirs", () => {
    const [pledge] = pledgesOf("Finland signalled it could contribute engineers to the reassurance force.");
    expect(pledgers(pledge!)).toEqual(["Finland"]);
  });

  it("does not make the allies' beneficiary their pledger", () => {
    const [pledge] = pledgesOf("Ukraine's allies said they had agreed to provide security guarantees.");
    expect(pledge).toMatchObject({ category: "guarantee" });
    expect(pledgers(pledge!)).toEqual([]);
  });

  it("splits a list of different pledges into one each, and merges what is said twice", () => {
    const text = [
      "The declaration pledges support for a ceasefire monitoring mechanism, long-term military assistance to Ukraine, and legally binding security guarantees for the future.",
      "- Commitments to provide military assistance over the long term.",
    ].join("\n");
    const pledges = pledgesOf(text);
    expect(pledges.map((pledge) => pledge.category).sort()).toEqual([
      "assistance",
      "guarantee",
      "monitoring",
    ]);
    const assistance = pledges.find((pledge) => pledge.category === "assistance")!;
    expect(assistance.alsoQuoted).toHaveLength(1);
  });

  it("splits a list at the first 'and' after its last comma, not at an 'and' inside the item", () => {
    const text =
      "The declaration pledges support for legally binding security guarantees, long-term military assistance to Ukraine and air and naval patrols over the Black Sea.";
    expect(pledgesOf(text).map((pledge) => quoteOf(text, pledge))).toContain(
      "air and naval patrols over the Black Sea",
    );
  });

  it("splits a list whose last item follows 'and' without a comma", () => {
    const text =
      "The plan would include participation in a ceasefire monitoring mechanism, continued military support for Ukraine and legally binding security guarantees.";
    expect(pledgesOf(text).map((pledge) => [pledge.category, quoteOf(text, pledge)])).toEqual([
      ["monitoring", "participation in a ceasefire monitoring mechanism"],
      ["assistance", "continued military support for Ukraine"],
      ["guarantee", "legally binding security guarantees"],
    ]);
  });

  it("finds a refusal beside a pledge, each with its own words", () => {
    const text =
      "Hungary insists it will serve as a logistics hub rather than send troops across the border.";
    const pledges = pledgesOf(text);
    expect(pledges.map((pledge) => [pledge.stance, pledge.category, pledgers(pledge)])).toEqual([
      ["pledge", "infrastructure", ["Hungary"]],
      ["refusal", "force", ["Hungary"]],
    ]);
    expect(quoteOf(text, pledges[1]!)).toBe("rather than send troops across the border");
  });

  it("reads a refusal and then a pledge 'added' in the same sentence as two", () => {
    const text =
      "Macron stressed that French soldiers would not serve as combat forces, adding that France would help train the Ukrainian army.";
    const pledges = pledgesOf(text);
    expect(pledges.map((pledge) => [pledge.stance, pledge.category])).toEqual([
      ["refusal", "force"],
      ["pledge", "assistance"],
    ]);
    expect(pledgers(pledges[1]!)).toEqual(["France"]);
  });

  it.each([
    "The United States has backed security guarantees for Ukraine.",
    "Washington joined the allies in vowing to provide security guarantees to Ukraine.",
  ])("reads a party's backing or vow as a pledge: %j", (text) => {
    expect(pledgesOf(text).map((pledge) => [pledge.stance, pledge.category])).toEqual([
      ["pledge", "guarantee"],
    ]);
  });

  it.each([
    [
      "Starmer said plans to deploy UK troops to Ukraine if there is a ceasefire would be put to parliament for approval.",
      ["United Kingdom"],
      2,
    ],
    [
      "Starmer said that any deployment of UK forces under a declaration signed with France and Ukraine would be subject to a parliamentary vote.",
      ["United Kingdom"],
      1,
    ],
    // Where the troops would go is not whose they are; the speaker, named after, is.
    ["Sending troops to Ukraine would require a Bundestag vote, Merz said.", ["Germany"], 1],
    [
      "British and French troops would be put to a vote in both parliaments.",
      ["United Kingdom", "France"],
      1,
    ],
  ])("reads a deployment left to a vote as a reservation, not a pledge: %j", (text, parties, conditions) => {
    const pledges = pledgesOf(text);
    expect(pledges.map((pledge) => [pledge.stance, pledge.category, pledgers(pledge)])).toEqual([
      ["reservation", "force", parties],
    ]);
    // The vote stays a condition of its own.
    expect(ofKind(text, "condition")).toHaveLength(conditions);
  });

  it("keeps a pledge made beside another party's vote, and leaves others' approval alone", () => {
    const text = "Britain and France will send troops and Germany would need parliament's approval to join.";
    expect(pledgesOf(text).map((pledge) => [pledge.stance, pledgers(pledge)])).toEqual([
      ["pledge", ["United Kingdom", "France"]],
      ["reservation", ["Germany"]],
    ]);
    expect(pledgesOf("European troops would need Russia's approval, the Kremlin said.")).toEqual([]);
  });

  it.each([
    ["Italy wouldn't send troops to Ukraine.", [["refusal", "force", ["Italy"]]]],
    [
      "Trump strongly stands behind the security guarantees, Witkoff said.",
      [["pledge", "guarantee", ["United States"]]],
    ],
    // Not a backing, not a refusal of a part.
    ["The US has backed away from security guarantees.", []],
    ["A frozen conflict would not serve Ukraine's interests, Macron said.", []],
  ])("reads %j", (text, expected) => {
    expect(pledgesOf(text).map((pledge) => [pledge.stance, pledge.category, pledgers(pledge)])).toEqual(
      expected,
    );
  });

  it("merges a pledge said again without its amount ('adding that they would…')", () => {
    const text = "Germany pledged 500 troops, adding that they would be deployed after a ceasefire.";
    const pledges = pledgesOf(text);
    expect(pledges).toHaveLength(1);
    expect(pledges[0]!.quantity).toMatchObject({ low: "500" });
    expect(pledges[0]!.alsoQuoted).toHaveLength(1);
  });

  it("carries the subject of a first clause into a second that says 'it'", () => {
    const text =
      "Austria is not ready to send its troops to Ukraine, but it may deploy them in a neighbouring country.";
    const pledges = pledgesOf(text);
    expect(pledges.map((pledge) => [pledge.stance, pledgers(pledge)])).toEqual([
      ["refusal", ["Austria"]],
      ["pledge", ["Austria"]],
    ]);
  });

  it("keeps a refusal that names no category as a stance, and reads a plain 'will' pledge", () => {
    expect(pledgesOf("Washington refused to sign the declaration.")).toEqual([
      expect.objectContaining({
        stance: "refusal",
        category: "other",
        parties: [expect.objectContaining({ name: "United States" })],
      }),
    ]);
    expect(pledgesOf("Romania will become a leading country in logistics.")).toEqual([
      expect.objectContaining({ stance: "pledge", category: "enablers" }),
    ]);
  });

  it("reads logistics as an enabler, and a logistics hub as infrastructure", () => {
    expect(
      pledgesOf("Poland will play a key role in providing logistical support to Kyiv.")[0],
    ).toMatchObject({
      category: "enablers",
    });
    expect(pledgesOf("Poland offered to host a logistics hub for the force.")[0]).toMatchObject({
      category: "infrastructure",
    });
  });

  it("reads a capital that acts as its state, and a duty taken on as a pledge", () => {
    const [berlin] = pledgesOf("Berlin will participate in monitoring the future ceasefire.");
    expect(berlin).toMatchObject({ category: "monitoring" });
    expect(pledgers(berlin!)).toEqual(["Germany"]);
    const [turkey] = pledgesOf(
      "Turkey will be responsible for the security of shipping routes in the Black Sea.",
    );
    expect(turkey).toMatchObject({ stance: "pledge", category: "force" });
    expect(pledgers(turkey!)).toEqual(["Türkiye"]);
  });

  it("reads a speaker's own willingness, not those it follows", () => {
    const text =
      "Following the United Kingdom and France, Spain, led by Pedro Sánchez, has also declared its willingness to deploy troops.";
    expect(pledgers(pledgesOf(text)[0]!)).toEqual(["Spain"]);
    const [poland] = pledgesOf("Following a ceasefire, Poland will deploy engineers.");
    expect(pledgers(poland!)).toEqual(["Poland"]);
    const [germany] = pledgesOf("Following the summit Germany will send 500 troops.");
    expect(pledgers(germany!)).toEqual(["Germany"]);
  });

  it("reads a signing, a plan in the passive, a limit and a quoted verb as pledges", () => {
    expect(
      pledgesOf("The talks concluded with the signing of a legally and politically binding statement.")[0],
    ).toMatchObject({ category: "guarantee", status: "committed" });
    expect(
      pledgesOf("It is also planned to build military infrastructure across the country.")[0],
    ).toMatchObject({
      category: "infrastructure",
    });
    const [germany] = pledgesOf(
      "Any German deployment would be limited to a NATO member neighbouring Ukraine.",
    );
    expect(germany).toMatchObject({ category: "force" });
    expect(pledgers(germany!)).toEqual(["Germany"]);
    expect(pledgesOf('The US would "support" the guarantees.')[0]).toMatchObject({ category: "guarantee" });
  });

  it("reads a refusal of what was said before as a refusal of that", () => {
    const text = "Spain is willing to deploy troops. Meloni has categorically denied this possibility.";
    expect(pledgesOf(text)[1]).toMatchObject({ stance: "refusal", category: "force" });
    expect(pledgers(pledgesOf(text)[1]!)).toEqual(["Italy"]);
    // Said pages later, "the idea" is another one: no category taken from a pledge that far back.
    const far = `Spain is willing to deploy troops. ${"The summit went on for hours in the old palace. ".repeat(8)}The finance minister of Italy rejected the idea.`;
    expect(pledgesOf(far).at(-1)).toMatchObject({ stance: "refusal", category: "other" });
    // The sentence before need not be a pledge: what it speaks of is what is refused.
    const open =
      "Few have shown themselves open to sending troops. Meloni has categorically denied this possibility.";
    expect(pledgesOf(open)).toEqual([expect.objectContaining({ stance: "refusal", category: "force" })]);
    expect(pledgesOf("US representatives did not sign any documents.")[0]).toMatchObject({
      stance: "reservation",
    });
    expect(pledgesOf("Washington offered a backstop, though no US troops on the ground.")).toEqual([
      expect.objectContaining({ stance: "pledge", category: "guarantee" }),
      expect.objectContaining({ stance: "refusal", category: "force" }),
    ]);
  });

  it("judges a pledge by its verb's subject when that is what is pledged", () => {
    const text =
      "He said partner forces could operate on Ukrainian soil, regenerating Ukraine's armed forces.";
    expect(pledgesOf(text)[0]).toMatchObject({ category: "force" });
    // A verb that takes an object: the object is what is pledged.
    expect(pledgesOf("British and French forces will help to train Ukrainian troops.")[0]).toMatchObject({
      category: "assistance",
    });
  });

  it("reads support for a process or a text as a political pledge, and training through quotation marks", () => {
    for (const text of [
      "Babiš is ready to support certain points of the Coalition of the Willing's joint declaration.",
      "Washington is committed to supporting peace efforts.",
    ])
      expect(pledgesOf(text)[0], text).toMatchObject({ stance: "pledge", category: "other" });
    expect(pledgesOf("Canada will support Ukraine's armed forces.")[0]).toMatchObject({
      category: "assistance",
    });
    expect(
      pledgesOf('Sweden will continue its efforts to train "soldiers and officers in Ukraine".')[0],
    ).toMatchObject({ category: "assistance" });
  });

  it("reads a part taken, efforts continued, a focus, and what a statement commits to", () => {
    for (const [text, category] of [
      ["The UK and France have voiced openness to deploying some 30,000 peacekeeping troops.", "force"],
      [
        "Nordic-Baltic countries are jointly taking responsibility for building up a Ukrainian brigade.",
        "assistance",
      ],
      ["Norwegian forces could assist in training Ukrainian troops.", "assistance"],
      ["The coalition agrees on security guarantees for Ukraine.", "guarantee"],
      ["New Zealand has extended its deployment of instructors to Britain.", "force"],
      ["The European Union is considering sending 25,000 to 30,000 troops.", "force"],
      ["Estonia can contribute a company-sized unit to provide security guarantees to Ukraine.", "force"],
      [
        "Germany intends to contribute to the reinforcement of Ukraine's anti-aircraft defense.",
        "assistance",
      ],
      ["Sweden will be part of a broader effort to monitor the ceasefire.", "monitoring"],
      ["Sweden will continue its efforts to train soldiers and officers in Ukraine.", "assistance"],
      ["Canada's initial contribution could focus on training.", "assistance"],
      ["The statement commits the coalition to a US-led ceasefire monitoring mechanism.", "monitoring"],
      ["The plan would provide for monitoring the ceasefire.", "monitoring"],
    ] as const)
      expect(pledgesOf(text)[0], text).toMatchObject({ stance: "pledge", category });
  });

  it("makes two pledges of 'both with … and with …', and none of an aside between dashes", () => {
    const text =
      "Sweden is prepared to contribute both with air surveillance from Gripen aircraft, and with mine-clearance ships in the Black Sea.";
    expect(pledgesOf(text).map((pledge) => pledge.category)).toEqual(["enablers", "force"]);
    const aside =
      "In Paris - where leaders gathered to discuss a peace plan for Ukraine - the allies agreed on security guarantees.";
    expect(pledgesOf(aside).map((pledge) => [pledge.category, quoteOf(aside, pledge).slice(0, 8)])).toEqual([
      ["guarantee", "In Paris"],
    ]);
  });

  it("is no pledge when nobody makes it: questions, hypotheticals, negations, quotations of nobody", () => {
    expect(pledgesOf("Will the US back an enforcement mechanism with troops?")).toEqual([]);
    expect(pledgesOf("“If you promise to monitor a ceasefire, you need troops,” said an analyst.")).toEqual(
      [],
    );
    expect(pledgesOf("Few countries commit to deploying forces into Ukraine proper.")).toEqual([]);
    expect(
      pledgesOf("The world will watch whether the Coalition’s pledges become logistics convoys."),
    ).toEqual([]);
  });

  it("takes a pledge said in a leader's own words", () => {
    const text =
      "“Following a ceasefire, the UK and France will establish military hubs across Ukraine,” said Starmer.";
    const [pledge] = pledgesOf(text);
    expect(pledge).toMatchObject({ category: "infrastructure" });
    expect(pledgers(pledge!)).toEqual(["United Kingdom", "France"]);
    expect(pledge!.conditionKeys).toHaveLength(1);
  });

  it("gives words quoted from a named speaker to the speaker, and leaves an unattributed quotation alone", () => {
    const text = "“We have also agreed here to set up a maintenance hub,” the Swedish prime minister added.";
    const [pledge] = pledgesOf(text);
    expect(pledge).toMatchObject({ stance: "pledge", category: "infrastructure" });
    expect(pledgers(pledge!)).toEqual(["Sweden"]);
    expect(pledgesOf("Posters read “we will send troops to protect you”.")).toEqual([]);
  });

  it("makes one pledge of each different thing a clause goes on to promise", () => {
    const two = pledgesOf(
      "Austria will take part in monitoring the truce and help strengthen Ukraine's air defence.",
    );
    expect(two.map((pledge) => [pledge.category, pledgers(pledge)])).toEqual([
      ["monitoring", ["Austria"]],
      ["assistance", ["Austria"]],
    ]);
    const saying = pledgesOf(
      "Spain and Portugal committed themselves to a military presence, saying they would build storage depots near Odesa.",
    );
    expect(saying.map((pledge) => pledge.category)).toEqual(["force", "infrastructure"]);
    // Two verbs about the same thing stay one pledge.
    expect(
      pledgesOf("Norway will establish depots and build maintenance facilities in Ukraine."),
    ).toHaveLength(1);
  });

  it("judges a pledge by what its verb takes, not by what that is for", () => {
    const [pledge] = pledgesOf("Ireland will build protected facilities for weapons and military equipment.");
    expect(pledge).toMatchObject({ category: "infrastructure" });
  });

  it("reads readiness, willingness and intention with words between, and names who inside them", () => {
    const [willing] = pledgesOf(
      "Latvia declared its willingness for Riga's soldiers to participate militarily.",
    );
    expect(willing).toMatchObject({ stance: "pledge", category: "force" });
    const [intent] = pledgesOf("Belgium signed the declaration on the intention to deploy engineers.");
    expect(intent).toMatchObject({ category: "force" });
    const [ready] = pledgesOf(
      "Several states have indicated their readiness to provide observers for the monitoring mission.",
    );
    expect(ready).toMatchObject({ category: "monitoring" });
  });

  it("reads refusals however they are negated, and 'not ruling out' as no refusal", () => {
    expect(pledgesOf("Athens will not join the joint force.")[0]).toMatchObject({ stance: "refusal" });
    expect(pledgesOf("Slovakia does not intend to send soldiers.")[0]).toMatchObject({ stance: "refusal" });
    expect(pledgesOf("Vienna is not considering sending troops to Ukraine.")[0]).toMatchObject({
      stance: "refusal",
    });
    const open = pledgesOf("Greece does not rule out other support, such as naval patrols.");
    expect(open.map((pledge) => pledge.stance)).toEqual(["pledge"]);
    expect(pledgesOf("So far no Asian country has offered troops for the force.")).toEqual([]);
  });

  it("does not take what a condition supposes for a pledge", () => {
    const text =
      "Were troops to be deployed under the declaration signed, I would put that matter to a vote.";
    expect(pledgesOf(text)).toEqual([]);
    expect(ofKind(text, "condition").map((condition) => quoteOf(text, condition))).toEqual(["to a vote"]);
  });

  it("reads who signed in the passive, and a signature naming no category as a pledge all the same", () => {
    const [pledge] = pledgesOf("The accord was endorsed by Estonia and Latvia.");
    expect(pledge).toMatchObject({ stance: "pledge", category: "other", status: "committed" });
    expect(pledgers(pledge!)).toEqual(["Estonia", "Latvia"]);
    // Who supports a leader is no signatory.
    const [led] = pledgesOf("Japan, supported by Australia, will lead maritime patrols.");
    expect(pledgers(led!)).toEqual(["Japan"]);
  });

  it("attributes a quotation that runs over two sentences where it closes", () => {
    const text = "“We have accepted the Vilnius Declaration. It is a good text,” Tusk said.";
    const [pledge] = pledgesOf(text);
    expect(pledge).toMatchObject({ category: "other" });
    expect(pledgers(pledge!)).toEqual(["Poland"]);
  });

  it("reads what a party is expected to do, and a second party's pledge after ', with'", () => {
    const pledges = pledgesOf(
      "Canada pledged guarantees, with Japan expected to provide ceasefire monitoring from the air.",
    );
    expect(pledges.map((pledge) => [pledge.category, pledgers(pledge)])).toEqual([
      ["guarantee", ["Canada"]],
      ["monitoring", ["Japan"]],
    ]);
  });

  it("keeps what an army numbers out of a pledge, and supporting Ukraine's own army as assistance", () => {
    const text =
      "Ukraine's army is set to number 600,000 troops, with allies pledging to support Ukraine's armed forces.";
    expect(ofKind(text, "capacity")).toHaveLength(1);
    expect(pledgesOf(text)).toEqual([expect.objectContaining({ category: "assistance", quantity: null })]);
  });

  it("reads a reassurance force after hostilities as a force, not a guarantee", () => {
    const [pledge] = pledgesOf("The plan foresees multinational forces after hostilities end.");
    expect(pledge).toMatchObject({ category: "force" });
  });

  it("reads a refusal and another party's pledge joined by 'and'", () => {
    const pledges = pledgesOf(
      "Caveats remain, with Hungary ruling out sending troops and Slovenia indicating it could contribute engineers.",
    );
    expect(pledges.map((pledge) => [pledge.stance, pledgers(pledge)])).toEqual([
      ["refusal", ["Hungary"]],
      ["pledge", ["Slovenia"]],
    ]);
  });

  it("reads each item of a list that a sentence introduces as pledged", () => {
    const text = [
      "The communiqué outlined three commitments:",
      "- A Norwegian-led verification system for the truce.",
      "- Continued long-term military assistance to Ukraine.",
      "The envoys then left:",
      "- Some to Rome.",
    ].join("\n");
    expect(pledgesOf(text).map((pledge) => pledge.category)).toEqual(["monitoring", "assistance"]);
  });

  it("reads two things a sentence says are included, each as a pledge", () => {
    const pledges = pledgesOf(
      "The guarantees include the Swiss-led monitoring of a ceasefire and the deployment of a multinational force.",
    );
    expect(pledges.map((pledge) => pledge.category)).toEqual(["monitoring", "force"]);
  });

  it("does not take who chaired a meeting for who pledged at it", () => {
    const [pledge] = pledgesOf("The meeting, chaired by Denmark, pledged long-term military assistance.");
    expect(pledgers(pledge!)).toEqual([]);
  });

  it("reads money committed as assistance, and what is deployed by what it is, not by the verb", () => {
    expect(pledgesOf("Oslo has committed $3 billion in aid to Ukraine since 2022.")[0]).toMatchObject({
      category: "assistance",
      status: "committed",
      quantity: expect.objectContaining({ low: "3000000000", unit: "USD" }),
    });
    expect(pledgesOf("Chile said it was willing to deploy military assistance.")[0]).toMatchObject({
      category: "assistance",
    });
  });

  it("reads plans and commitments joined on to a signature as pledges of their own", () => {
    const pledges = pledgesOf(
      "Spain and Italy signed a declaration committing to a reassurance force, with plans to establish logistics hubs, alongside binding commitments to support Ukraine against future attack.",
    );
    expect(pledges.map((pledge) => pledge.category)).toEqual(["force", "infrastructure", "guarantee"]);
  });

  it("reads saying nothing of troops as a reservation", () => {
    expect(pledgesOf("Luxembourg did not say whether it would send any forces.")[0]).toMatchObject({
      stance: "reservation",
    });
  });

  it.each([
    ["France pledged immediate and long-term backing for Ukraine’s military.", "assistance"],
    ["Spain pledged support for Ukraine's armed forces.", "assistance"],
    ["The allies made binding pledges to respond if Russia attacks again.", "guarantee"],
    ["Britain vowed to come to Ukraine’s aid.", "guarantee"],
  ])("reads the category of %j, a curly apostrophe inside its words", (text, category) => {
    expect(pledgesOf(text)).toEqual([expect.objectContaining({ stance: "pledge", category })]);
  });

  it.each([
    ["The Netherlands has yet to decide whether to send soldiers.", "Netherlands"],
    ["Portugal is weighing whether to contribute troops to the force.", "Portugal"],
  ])("reads an undecided party as a reservation: %j", (text, party) => {
    const pledges = pledgesOf(text);
    expect(pledges).toHaveLength(1);
    expect(pledges[0]).toMatchObject({ stance: "reservation", category: "force" });
    expect(pledgers(pledges[0]!)).toEqual([expect.stringContaining(party)]);
  });

  it("gives a stance no party or category that are not its own", () => {
    // "it is unclear whether" says nothing of who has not decided.
    expect(pledgesOf("Macron said it is unclear whether Russia would accept foreign troops.")).toEqual([]);
    // Words before a refusal that give its reason are not what is refused.
    expect(pledgesOf("Citing its own air defence needs, Spain ruled out participating.")[0]).toMatchObject({
      stance: "refusal",
      category: "other",
    });
  });

  it("is no pledge when the words around a cue say otherwise", () => {
    for (const text of [
      "France agreed not to deploy troops to Ukraine.",
      "Leaders agreed that Russia needs to withdraw its forces.",
      "Analysts said Russia would see any deployment of troops as a threat.",
      "Russia rejected the proposed deployment of French troops.",
      "The talks include the question of troops.",
      "Macron announced a meeting of the coalition in Paris to agree on security guarantees.",
      "The day was focused on the question of how Europe and its partners can jointly contribute to security.",
      "Few on the continent have shown themselves to be open to direct military support for Ukraine.",
      "He attended the summit of the coalition on support for Ukraine.",
      "The talks will focus on security guarantees.",
    ])
      expect(pledgesOf(text), text).toEqual([]);
    // Refusals in the passive, and of no one's troops; a consideration is a reservation.
    for (const text of [
      "Irish troops will not be sent to Ukraine.",
      "No Italian troops would be deployed in Ukraine.",
    ])
      expect(pledgesOf(text)[0], text).toMatchObject({ stance: "refusal", category: "force" });
    expect(pledgesOf("Australia said it might consider sending troops.")[0]).toMatchObject({
      stance: "reservation",
    });
    // Declining to say is no refusal.
    expect(pledgesOf("Britain will deploy troops, but he declined to identify the others.")).toEqual([
      expect.objectContaining({ stance: "pledge", category: "force" }),
    ]);
    expect(pledgesOf("Hungary refused to sign the declaration.")[0]).toMatchObject({ stance: "refusal" });
    // A question frame, not any "how"; "few" and "no" up to "that" only.
    expect(pledgesOf("Macron set out how France will deploy 2,000 troops.")).toHaveLength(1);
    expect(pledgesOf("Few doubt that Germany will send troops.")).toHaveLength(1);
    // A negation before "that" negates nothing after it.
    expect(pledgesOf("There is no doubt that Britain will deploy 5,000 troops.")).toHaveLength(1);
  });

  it("keeps a pledge's quantity when it is said as a total, and an army's size as a capacity", () => {
    expect(pledgesOf("France will send a total of 5,000 troops.")[0]!.quantity).toMatchObject({
      low: "5000",
    });
    expect(ofKind("France will send a total of 5,000 troops.", "capacity")).toEqual([]);
    expect(ofKind("Poland's army is set to number 300,000 soldiers.", "capacity")).toHaveLength(1);
  });

  it("reads a list whose items follow a blank line after their lead", () => {
    const text =
      "The communiqué outlined two commitments:\n\n- Long-term military assistance to Ukraine.\n- A Finnish-led truce monitoring mission.";
    expect(pledgesOf(text).map((pledge) => pledge.category)).toEqual(["assistance", "monitoring"]);
  });

  it("reads a reading's worth of odd text to its end: decimals, long runs of spaces, unclosed quotations", () => {
    expect(() =>
      suggestByRules("Spending will rise to 3.5 per cent of GDP; the line runs 7.5 km.", noRecords),
    ).not.toThrow();
    const spaced = `France will send troops${"\u2003".repeat(100_000)}and Britain will build hubs.`;
    expect(pledgesOf(spaced).length).toBeGreaterThan(0);
    expect(pledgesOf("“We will send troops. ".repeat(5000))).toEqual([]);
  });

  it("reads a table row's first cell as who", () => {
    const text =
      "| Stakeholder | Contribution | Stance |\n| Canada | Air transport | Ready to lead the airlift effort. |";
    const [pledge] = pledgesOf(text);
    expect(pledge).toMatchObject({ category: "enablers" });
    expect(pledgers(pledge!)).toEqual(["Canada"]);
  });
});

describe("conditions", () => {
  it.each([
    ["Troops would deploy in the event of a ceasefire.", "in the event of a ceasefire"],
    ["Troops would deploy in the event a peace deal is reached.", "in the event a peace deal is reached"],
    ["Support is conditional on Moscow agreeing to a truce.", "conditional on Moscow agreeing to a truce"],
    ["The guarantees apply should Russia attack again.", "should Russia attack again"],
    ["Hubs will be built after a ceasefire.", "after a ceasefire"],
    ["Forces will go if a peace deal is signed.", "if a peace deal is signed"],
    ["Any deployment would need parliamentary approval.", "parliamentary approval"],
    [
      "The size of the buffer zone is still being negotiated.",
      "The size of the buffer zone is still being negotiated",
    ],
    [
      "Measures will be enacted once a cessation of hostilities has taken place.",
      "once a cessation of hostilities has taken place",
    ],
    ["Italy offered post-ceasefire naval patrols.", "post-ceasefire"],
    ["Troops will leave after the war with Russia ends.", "after the war with Russia ends"],
    ["A truce must first be agreed with Moscow.", "A truce must first be agreed"],
    ["Allies are obliged to help in the event of a new conflict.", "in the event of a new conflict"],
    ["Each partner decides in accordance with its domestic procedures.", "domestic procedures"],
    ["The guarantees would hold, were Russia to attack again.", "were Russia to attack again"],
    ["Its value depends on a truce being agreed.", "depends on a truce being agreed"],
    ["Bases will follow after hostilities end.", "after hostilities end"],
    ["Troops go in following the war's conclusion.", "following the war's conclusion"],
    ["Troops will come when diplomacy brings the war to an end.", "when diplomacy brings the war to an end"],
    ["Who pays remains uncertain.", "Who pays remains uncertain"],
    ["Aid would flow if Russia attacked again.", "if Russia attacked again"],
    ["Forces deploy once fighting has ceased.", "once fighting has ceased"],
    ["Each acts within its constitutional arrangements.", "constitutional arrangements"],
    [
      "Certain conditions must be met, including strong, legally binding security guarantees from all.",
      "Certain conditions must be met, including strong, legally binding security guarantees from all",
    ],
    ["Germany will decide once the conditions are clarified.", "once the conditions are clarified"],
    ["Without a US backstop, a deployment is not feasible.", "Without a US backstop"],
    ["Troops would stay in Ukraine after the war.", "after the war"],
    ["The decision will still have to pass the chamber's test.", "pass the chamber's test"],
    ["Any deployment will be subject to parliamentary procedures.", "parliamentary procedures"],
    ["Sweden must make the binding decisions in government and parliament.", "in government and parliament"],
    [
      "Support is conditioned on a solid safety net from Washington.",
      "conditioned on a solid safety net from Washington",
    ],
    [
      "Support is conditioned in particular on a safety net from Washington.",
      "conditioned in particular on a safety net from Washington",
    ],
    ["The day the conflict ceases, guarantees will be deployed.", "The day the conflict ceases"],
    ["Forces would deploy in the context of a ceasefire.", "in the context of a ceasefire"],
    ["Estonia will seek a mandate from the Riigikogu.", "mandate from"],
    ["Norway will help after peace deal.", "after peace deal"],
    ["We're open to participating post a ceasefire.", "post a ceasefire"],
    [
      "Troops would go after the conclusion of a peace agreement.",
      "after the conclusion of a peace agreement",
    ],
    [
      "Dutch troops could join, assuming the new government gives the okay.",
      "assuming the new government gives the okay",
    ],
    ["We will need to see a ceasefire first.", "will need to see a ceasefire first"],
    ["Deployment requires UN Security Council approval.", "Security Council approval"],
    // An "if" naming no event of the war, beside a pledge: that pledge's condition.
    [
      "Estonia will send a company of soldiers if allies send troops to Ukraine.",
      "if allies send troops to Ukraine",
    ],
  ])("finds the condition in %j", (text, quote) => {
    const conditions = ofKind(text, "condition");
    expect(conditions.map((condition) => quoteOf(text, condition))).toEqual([quote]);
  });

  it.each([
    "If the Coalition wants to move from promises to prevention, questions remain.",
    "After the Paris summit, leaders went home.",
    "Ukraine should receive guarantees soon.",
    "The envoys were expected to arrive after lunch.",
    "When the envoys landed, they went to the palace.",
    "Poland rebuilt its cities after the war in 1945.",
    // An "if" naming no event of the war, and no pledge beside it; "as if", "even if", "if any".
    "The minister would resign if the budget failed.",
    "Estonia will send troops, as if nothing had changed.",
    "Estonia will send troops even if others hesitate.",
    "Few, if any, allies objected.",
    // What is missing that no pledge waits for; history after a war.
    "France will send troops without preconditions.",
    "Germany will provide aid without conditions.",
    "Britain deployed without waiting for a ceasefire.",
    "Germany rebuilt its army after the war.",
    "After the war in Bosnia, troops will stay.",
    // An event attended, not one supposed.
    "Leaders who took part in the event discussed the war.",
  ])("finds none in %j", (text) => {
    expect(ofKind(text, "condition")).toEqual([]);
  });

  it("ends a condition where the main clause's verb begins", () => {
    const text = "Plans to deploy troops if there is a ceasefire would be put to parliament.";
    expect(ofKind(text, "condition").map((condition) => quoteOf(text, condition))).toEqual([
      "if there is a ceasefire",
      "put to parliament",
    ]);
  });

  it("says whom a condition depends on, through a pronoun too", () => {
    const [condition] = ofKind(
      "Sanctions would follow for Russia if it decides to attack again.",
      "condition",
    );
    expect(condition).toMatchObject({ dependsOn: expect.objectContaining({ name: "Russia" }) });
  });

  it("proposes a tracked condition that says the same as an update, not a new one", () => {
    const known: KnownRecords = {
      ...noRecords,
      conditions: [
        { id: "c1", title: "Russia agrees to a ceasefire", description: null },
        { id: "c2", title: "Boundaries of the ceasefire line agreed", description: null },
      ],
    };
    const [condition] = ofKind(
      "Support is conditional on the Kremlin agreeing to a cease-fire.",
      "condition",
      known,
    );
    expect(condition).toMatchObject({ matches: { id: "c1" } });
    const [line] = ofKind(
      "The boundaries of the ceasefire line are still being debated.",
      "condition",
      known,
    );
    expect(line).toMatchObject({ matches: { id: "c2" } });
  });
});

describe("figures", () => {
  it("proposes amounts, not a vague handful", () => {
    const text =
      "After several rounds of talks, several states offered thousands of troops and €2 bn; the two countries lead.";
    expect(ofKind(text, "figure").map((figure) => quoteOf(text, figure))).toEqual([
      "thousands of troops",
      "€2 bn",
    ]);
    // A few that the clause after them says which: new, not the ones named before.
    const four = "Among the four countries that will decide, Poland leads.";
    expect(ofKind(four, "figure").map((figure) => quoteOf(four, figure))).toEqual(["four countries"]);
  });

  it("counts citizens and refugees as people", () => {
    const text = "Czechia hosts about 400,000 refugees and 700,000 citizens abroad.";
    expect(
      (ofKind(text, "figure") as Extract<Suggestion, { kind: "figure" }>[]).map(
        (figure) => figure.quantity.unit,
      ),
    ).toEqual(["people", "people"]);
  });

  it("counts leaders, and reads no duration in a time between events", () => {
    const text = "27 heads of state or government met two days after the talks, four years into the war.";
    const figures = ofKind(text, "figure") as Extract<Suggestion, { kind: "figure" }>[];
    expect(figures.map((figure) => [quoteOf(text, figure), figure.quantity.unit])).toEqual([
      ["27 heads of state or government", "leaders"],
    ]);
  });

  it("reads how long a commitment lasts, not how long ago something was", () => {
    const text =
      "He asked for guarantees for up to 50 years, but 15 years were agreed. The war began four years ago; over the past three years, aid grew. One day, Europe will decide; the war has lasted 1,000 days, the first in 80 years.";
    const figures = ofKind(text, "figure") as Extract<Suggestion, { kind: "figure" }>[];
    expect(
      figures.map((figure) => [quoteOf(text, figure), figure.quantity.high, figure.quantity.unit]),
    ).toEqual([
      ["up to 50 years", "50", "years"],
      ["15 years", "15", "years"],
    ]);
    expect(figures[0]!.quantity.qualifier).toBe("up_to");
  });

  it("keeps the same amount said of two things as two figures", () => {
    const text = "Ukraine needs 5,000 troops. Europe has 5,000 troops ready.";
    expect(ofKind(text, "figure")).toHaveLength(2);
  });
});

describe("requirements and capacities", () => {
  it("reads an estimate of what is needed as a requirement", () => {
    const text =
      "Analysts estimate a credible force would need between 40,000 and 60,000 troops to hold the line.";
    const [requirement] = ofKind(text, "requirement");
    expect(requirement).toMatchObject({ quantity: { low: "40000", high: "60000", unit: "personnel" } });
  });

  it("reads an army described by its strength as a capacity, but not a force planned at a strength", () => {
    const [capacity] = ofKind(
      "The deployment is intended to reinforce Ukraine’s 800,000-strong army against attacks.",
      "capacity",
    );
    expect(capacity).toMatchObject({ quantity: { low: "800000", unit: "personnel" } });
    expect(ofKind("Plans called for a 64,000-strong force.", "capacity")).toEqual([]);
  });

  it("reads the size an army will keep as a capacity", () => {
    const [capacity] = ofKind("Macron said the Ukrainian army will remain at 800,000.", "capacity");
    expect(capacity).toMatchObject({
      party: expect.objectContaining({ name: "Ukraine" }),
      quantity: { low: "800000" },
    });
  });

  it("reads what a party fields as a capacity, the unit carried to an elliptical figure", () => {
    const text = "For scale, the Italian army fields about 95,000 soldiers; Spain roughly 120,000.";
    const capacities = ofKind(text, "capacity");
    expect(
      capacities.map(
        (capacity) => capacity.kind === "capacity" && [capacity.party.name, capacity.quantity.low],
      ),
    ).toEqual([
      ["Italy", "95000"],
      ["Spain", "120000"],
    ]);
  });
});

describe("what the tracker holds", () => {
  const known: KnownRecords = {
    stakeholders: [
      { id: "s-fr", name: "France", kind: "state", countryCode: "FR" },
      { id: "s-uk", name: "United Kingdom", kind: "state", countryCode: "GB" },
    ],
    pledges: [
      {
        id: "p-hubs",
        title: "Maintenance hubs in Ukraine",
        category: "infrastructure",
        status: "committed",
        stakeholderIds: ["s-fr", "s-uk"],
      },
    ],
    conditions: [],
  };

  it("names tracked stakeholders by their records and proposes a matching pledge as an update", () => {
    const [pledge] = pledgesOf(
      "France and Britain committed to building maintenance hubs in Ukraine.",
      known,
    );
    expect(
      pledge!.parties.filter((party) => party.role === "pledger").map((party) => party.stakeholderId),
    ).toEqual(["s-fr", "s-uk"]);
    expect(pledge!.matches).toEqual({ id: "p-hubs", title: "Maintenance hubs in Ukraine" });
  });

  it("proposes status evidence when a sentence says a tracked pledge was delivered", () => {
    const text = "The first maintenance hub built by France has opened near Lviv.";
    expect(ofKind(text, "status", known)).toEqual([
      expect.objectContaining({
        pledge: { id: "p-hubs", title: "Maintenance hubs in Ukraine" },
        status: "delivered",
      }),
    ]);
    expect(ofKind(text, "status", noRecords)).toEqual([]);
  });
});

describe("every suggestion", () => {
  const text = [
    "Leaders from 30 countries met in Paris. Belgium pledged €500 million in military aid, conditional on a ceasefire.",
    "Poland will not send troops; Greece is hesitant about deploying forces on Ukrainian soil.",
    "Experts say 80,000 troops are needed. The Polish army numbers some 200,000 soldiers.",
  ].join("\n");
  const suggestions = suggestByRules(text, noRecords);

  it("quotes the text verbatim, at offsets inside it", () => {
    expect(suggestions.length).toBeGreaterThan(6);
    for (const suggestion of suggestions) expect(quotedVerbatim(text, suggestion)).toBe(true);
  });

  it("has a key of its own that a second reading gives again", () => {
    const keys = suggestions.map((suggestion) => suggestion.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(suggestByRules(text, noRecords).map((suggestion) => suggestion.key)).toEqual(keys);
  });

  it("is found in each kind the text holds", () => {
    expect(new Set(suggestions.map((suggestion) => suggestion.kind))).toEqual(
      new Set(["figure", "pledge", "condition", "requirement", "capacity"]),
    );
  });
});

describe("the verbatim check", () => {
  it("refuses a quote outside the text", () => {
    const text = "Short text.";
    const [figure] = suggestByRules("Up to 30,000 personnel.", noRecords);
    expect(quotedVerbatim(text, { ...figure!, quote: { start: 5, end: 40 } })).toBe(false);
    expect(quotedVerbatim(text, { ...figure!, quote: { start: 3, end: 3 } })).toBe(false);
    expect(quotedVerbatim(text, { ...figure!, quote: { start: 0, end: 5 } })).toBe(true);
  });
});

describe("reading in steps", () => {
  it("suggests the same as reading at once, pausing between steps of a long text", async () => {
    const text = Array.from(
      { length: 500 },
      (_, index) => `Norway pledged ${index + 100} troops. Sweden will not send troops.`,
    ).join("\n");
    let pauses = 0;
    const stepped = await suggestByRulesInSteps(text, noRecords, async () => {
      pauses++;
    });
    expect(stepped).toEqual(suggestByRules(text, noRecords));
    expect(pauses).toBeGreaterThanOrEqual(4);
  });
});
