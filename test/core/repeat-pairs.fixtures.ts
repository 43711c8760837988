// Pairs of invented letters for calibrating and testing repeat detection (version 2). Every
// person, place, reference and address is made up. For each person: a demand, the same demand
// reworded as people do (synonyms, clauses reordered, digits for words, about a third of the words
// changed), and an unrelated letter from the same person on the same kind of subject, which must
// not count as a repeat. Written after the synonym table in src/core/repeat/features.ts, and the
// HELD_OUT people were never looked at while tuning the threshold.

export interface PersonLetters {
  person: string;
  demand: string;
  reworded: string;
  unrelated: string;
}

export const PEOPLE: readonly PersonLetters[] = [
  {
    person: 'Alan Testwood',
    demand: `I am writing again about my complaint against PC Marsh. Three weeks ago I asked for the body worn video from the night of my arrest and nobody has sent it. I demand that the footage is released to me within seven days. If you do not reply I will go to the newspapers and my MP.`,
    reworded: `If I get no answer this time I am going straight to the press and to my MP. My complaint about PC Marsh is still open and I am chasing it once more. 3 weeks have passed since I requested the bodycam recording from the evening I was arrested, and it has never been provided. I insist the video is handed over within 7 days.`,
    unrelated: `Could you tell me who is now dealing with my case? The last investigator left in the spring and I have had no contact since. I would also like to change my postal address to 14 Orchard Row. My mobile number is the same as before. Thank you for your help with these practical points.`,
  },
  {
    person: 'Bethany Quill',
    demand: `Your officers searched my flat on the fourth of June without a warrant and broke my front door. Nobody has paid for the repair. I want the cost of the door refunded, a written apology from the inspector, and the names of every officer who entered my home that morning.`,
    reworded: `I still want the names of all the officers who came into my flat that morning. On 4 June your police searched my home with no warrant and smashed the front door, and the repair has never been paid for. I require a refund for the door and an apology in writing from the inspector.`,
    unrelated: `I have been offered a meeting with the local neighbourhood team about the parking on Brook Street. Cars block the pavement every weekday and my mother cannot get past with her wheelchair. Please could someone confirm the date of the meeting and whether I can bring her with me.`,
  },
  {
    person: 'Carl Ruddock',
    demand: `This is my fifth email about the call handler who hung up on me when I reported the burglary. She was rude, she refused to take my details, and the burglars came back two days later. I want the recording of that call kept and sent to me, and I want her disciplined.`,
    reworded: `I want the call handler disciplined and the recording of the call preserved and sent to me. This is email number 5 about her. When I rang to report the break-in she put the phone down on me, would not take my details and was rude, and 2 days later the burglars returned.`,
    unrelated: `My insurance company has asked for a crime reference number for the stolen bicycle from last summer. I cannot find the letter you sent at the time. Could you send the reference again to this address, and tell me whether the bike was ever recovered by anyone.`,
  },
  {
    person: 'Dorothy Fenwick',
    demand: `The decision letter dated 9 May says my complaint was handled reasonably. That is wrong. The investigator never interviewed my son, ignored the medical report from the hospital, and closed the case in less than a month. I am asking for a review by the IOPC and I expect a reply within fourteen days.`,
    reworded: `I expect a response within 14 days. I am requesting that the IOPC review my complaint, because the letter of 9 May saying it was handled reasonably is incorrect. The case was shut in under a month, the hospital's medical report was disregarded, and my son was never spoken to by the investigator.`,
    unrelated: `My son has started at a new college and has asked whether the youth diversion course he completed will show on a background check. Could you explain who he should contact about this and how long records like that are kept. He is worried about his application for an apprenticeship.`,
  },
  {
    person: 'Edwin Marlowe',
    demand: `Sergeant Hale told me on the phone that my statement had been lost. I gave that statement in person at Eastgate station on the twelfth of March and signed every page. I want to know who lost it, what is being done to find it, and why nobody told me for six weeks.`,
    reworded: `Why was I not told for 6 weeks? I signed every page of my statement when I handed it in at Eastgate station on 12 March, and now Sergeant Hale says on the telephone it has gone missing. Tell me who mislaid it and what steps are being taken to locate it.`,
    unrelated: `I would like to thank the two officers who helped my elderly neighbour when she fell in the street last Tuesday. They waited with her for the ambulance and then checked on her the next day. Please pass on my thanks to them and to their supervisor.`,
  },
  {
    person: 'Fiona Greaves',
    demand: `I reported my former partner for harassment eleven times this year and each time I was told there was not enough evidence. He has now turned up at my work. I want a senior officer to look at all eleven reports together and I want a safety plan agreed with me this week.`,
    reworded: `This week I need a safety plan agreed with me, and I want all 11 of my reports looked at together by a senior officer. My ex has now appeared at my workplace. Every time I reported him for harassing me this year I was told the evidence was insufficient.`,
    unrelated: `I have moved to a new address and my details on the victim contact scheme need to be updated. Please use my new email for letters from now on and stop sending post to the old flat. I am also happy to take part in the survey about victim services if it is still open.`,
  },
  {
    person: 'Gordon Pike',
    demand: `Two officers stopped my car on the bypass and searched it for forty minutes in front of my children. They gave no reason and did not give me a receipt. I want the stop and search record, the footage from their car camera, and an explanation of the grounds for the search.`,
    reworded: `I want to know the grounds for the search, and I want both the stop and search form and the recording from the patrol car camera. 2 officers pulled my vehicle over on the bypass and went through it for 40 minutes while my kids watched, with no reason given and no receipt.`,
    unrelated: `The speed camera on the bypass near the retail park seems to be broken, and drivers are racing through the junction at night. My children cross there to get the school bus. Could the roads policing team look at it or pass this on to the council.`,
  },
  {
    person: 'Harriet Oyelaran',
    demand: `My complaint reference CO/20331/25 has been with Professional Standards for nine months. I have had one letter in that time. I demand a named investigator, a timetable for the investigation, and a monthly update by email as your own policy promises.`,
    reworded: `Your own policy promises a monthly email update, and I am demanding one, along with a timetable for the investigation and the name of the investigator. In 9 months Professional Standards have sent me a single letter about my complaint CO/20331/25.`,
    unrelated: `I am a volunteer with a tenants' group and we would like someone from the force to speak at our meeting in October about scams targeting older residents. Is there a contact for community talks? We meet on the first Thursday evening of the month at the library.`,
  },
  {
    person: 'Ivan Petrakis',
    demand: `PC Dunne lied in his statement when he said I was shouting and swearing. The CCTV from the shop shows I was calm. I want the statement corrected, the shop footage added to the file, and PC Dunne investigated for making a false statement.`,
    reworded: `I want PC Dunne investigated for giving a false account, and I want his statement put right and the shop's CCTV added to the file. The video from the shop proves I was calm. He was not telling the truth when he wrote that I was yelling and cursing.`,
    unrelated: `I lost my wallet on the number 42 bus on Friday evening. It is brown leather with my driving licence inside. Has anything been handed in at the front counter, and if not, do I need a lost property reference for the bank.`,
  },
  {
    person: 'Joanna Trevelyan',
    demand: `When my mother died in hospital the police told us there would be an inquest and that someone would keep us informed. Nobody has contacted the family for five months. I want a family liaison officer assigned today and a meeting with the senior investigating officer.`,
    reworded: `I am asking for a meeting with the senior investigating officer and for a family liaison officer to be appointed immediately. After my mother passed away in hospital we were told an inquest would follow and that we would be kept updated, yet for 5 months no one has been in touch with us.`,
    unrelated: `Our family has received the coroner's report and we have a few questions about when my mother's belongings can be returned. Could you tell me which department holds her handbag and phone, and whether I need to bring identification to collect them.`,
  },
  {
    person: 'Keith Abernathy',
    demand: `I was refused a solicitor for three hours in custody at Northfield and the custody record has been changed to hide it. I want the original custody record, the CCTV from the custody suite, and the name of the sergeant who made the changes.`,
    reworded: `Give me the name of the custody sergeant who altered the record. At Northfield I was denied a lawyer for 3 hours, and the custody log has since been edited to cover that up. I require the unedited custody record and the camera footage from the custody area.`,
    unrelated: `I am applying for a visa and need a police certificate. The website says to contact the disclosure unit but the link is broken. Could you give me a working address or phone number for them. I am not asking about my complaint in this email.`,
  },
  {
    person: 'Lorna Blackwood',
    demand: `The officer who attended the road accident on the ring road wrote that I was on my phone. I was not, and my phone records prove it. I want the accident report corrected before it goes to the insurers and I want to know why the other driver's witness was never asked.`,
    reworded: `Before the collision report is sent to the insurance company it must be corrected. The attending officer claimed I was using my mobile at the time of the crash on the ring road, which my phone bill shows is untrue. Explain why the witness for the other driver was never questioned.`,
    unrelated: `I would like to book a place on the free bike marking event at the community centre next month. My daughter and I both have bikes. Please tell me if we need to register in advance or if we can just arrive on the day.`,
  },
  {
    person: 'Martin Okonkwo',
    demand: `My car was seized for having no insurance even though I showed the officer the certificate on my phone. I paid one hundred and fifty pounds to get it back from the pound. I want the fee refunded and the record of the seizure removed from the system.`,
    reworded: `I want the £150 I paid at the vehicle pound given back and the seizure taken off your records. The officer confiscated my car claiming it was uninsured, yet I showed him the insurance certificate on my mobile there and then.`,
    unrelated: `Someone has been fly tipping behind the garages on Ash Close for weeks. There are mattresses and builders' rubble. I know this is probably a council matter but one of the vans had no number plates, so I thought the police might want to know.`,
  },
  {
    person: 'Nadia Forsyth',
    demand: `The inspector promised at our meeting in January that my complaint would be finished by Easter. It is now July and I have heard nothing. I want a written explanation for the delay, a new deadline, and a meeting with the inspector before the end of this month.`,
    reworded: `Before this month is out I want to meet the inspector again. At the January meeting he assured me the complaint would be completed by Easter, but it is July and there has been silence. Put in writing why it has taken so long and give me a fresh deadline.`,
    unrelated: `My teenage son wants to join the volunteer police cadets. Could you send me information about the age limits, how often they meet, and whether there is a unit near Hillcrest. He is very keen and would like to apply before the summer.`,
  },
  {
    person: 'Oscar Lindqvist',
    demand: `I sent you forty pages of evidence about the fraud against my business and the investigating officer has not read them. He admitted this on the phone. I want the evidence read, the case given to the economic crime unit, and a reply from a detective inspector.`,
    reworded: `A detective inspector must reply to me. The officer in charge told me on the telephone that he had not looked at the 40 pages of evidence I sent about the fraud on my company. I insist the material is examined and the case passed to the economic crime team.`,
    unrelated: `I run a small shop on the high street and would like advice on security cameras. The crime prevention officer visited a neighbour last year. Could someone visit us as well, and is there any funding for better locks and lighting.`,
  },
  {
    person: 'Priya Chaudhry',
    demand: `Officers came to my house at two in the morning looking for my brother, who has not lived here for three years. They woke my children and searched the bedrooms. I want an apology, a note on your system that he does not live here, and an assurance it will not happen again.`,
    reworded: `Your system needs a note saying my brother has not lived at my address for 3 years, and I want an apology and a promise it will not be repeated. At 2am police turned up at my home hunting for him, woke up my kids and went through the bedrooms.`,
    unrelated: `My brother has asked me to find out how he can collect his property from when he was released last year. He says there was a watch and a jacket. Could you tell me the opening hours of the property store and what documents he needs.`,
  },
  {
    person: 'Quentin Harrow',
    demand: `The neighbourhood sergeant shared my complaint letter with my neighbour, the person I complained about. My neighbour read parts of it out to me in the street. This is a data breach. I want it reported to the data protection officer and I want to know exactly what was shared.`,
    reworded: `I need to know precisely what was disclosed, and the breach must be reported to your data protection officer. The local sergeant passed my letter of complaint to the neighbour I was complaining about, who then quoted bits of it at me outside my house.`,
    unrelated: `There has been a lot of noise from the pub on Cherry Lane after midnight at weekends. I have reported it to the council. Does the licensing officer at the police also need to know, and if so how do I contact them directly.`,
  },
  {
    person: 'Rosa Castellano',
    demand: `My daughter was assaulted at school and the officer who took the report told her she was exaggerating. She has not been back to school since. I want a different officer to take her statement, I want the first officer spoken to, and I want a safeguarding referral made.`,
    reworded: `A safeguarding referral has to be made, and another officer must take my daughter's statement. The first one, who took the report after she was attacked at school, said she was over-reacting, and he needs to be spoken to. Since then she has refused to go back to school.`,
    unrelated: `My daughter is doing a school project on careers and would like to interview a police officer for ten minutes by video. Is there anyone in the force who does this kind of thing? The project is due at the end of the term.`,
  },
  {
    person: 'Samuel Whitcombe',
    demand: `On Saturday evening an unmarked police car followed me from the supermarket to my house. This is the third time this month. Nobody will tell me why I am being watched. I want to know whether I am under surveillance and I want the harassment to stop.`,
    reworded: `The harassing has to end, and I want to be told if I am being put under surveillance. For the 3rd time this month, on Saturday night, an unmarked police vehicle tailed me from the supermarket back home, and no one will explain why I am being monitored.`,
    unrelated: `I witnessed a collision on the main road on Saturday afternoon and gave my name to an officer at the scene. I have not heard anything since. Do you still need a statement from me, and if so where should I go to give it.`,
  },
  {
    person: 'Tamsin Ellery',
    demand: `I complained in March that PC Varga pushed me against a wall during the protest. The outcome letter says the footage was not available. I know the footage exists because I saw the officers filming. I want it found, I want the complaint reopened, and I want the outcome letter withdrawn.`,
    reworded: `The outcome letter should be withdrawn and my complaint reopened. Back in March I complained that PC Varga shoved me into a wall at the demonstration. You now say there was no video, but I watched officers recording that day, so it exists and I want it located.`,
    unrelated: `I am organising a small vigil in the park next month and would like to let the police know in advance. About fifty people are expected. Is there a form to fill in, and who should I speak to about keeping the path clear.`,
  },
];

/** The people whose pairs were never used in tuning: the held-out part (the last eight). */
export const HELD_OUT = PEOPLE.slice(12);
/** The people used to choose the threshold. */
export const TUNING = PEOPLE.slice(0, 12);

export interface LabelledPair {
  person: string;
  a: string;
  b: string;
  repeat: boolean;
}

/** Three pairs per person: the demand and its rewording (a repeat), and each with the unrelated letter (not). */
export function pairsOf(people: readonly PersonLetters[]): LabelledPair[] {
  return people.flatMap(({ person, demand, reworded, unrelated }) => [
    { person, a: demand, b: reworded, repeat: true },
    { person, a: demand, b: unrelated, repeat: false },
    { person, a: reworded, b: unrelated, repeat: false },
  ]);
}

/** Precision and recall on labelled pairs, of a rule that says whether two letters repeat. */
export function scorePairs(
  pairs: readonly LabelledPair[],
  flags: (a: string, b: string) => boolean,
): { precision: number; recall: number } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { a, b, repeat } of pairs) {
    const flagged = flags(a, b);
    if (flagged && repeat) truePositives++;
    else if (flagged) falsePositives++;
    else if (repeat) falseNegatives++;
  }
  const flaggedCount = truePositives + falsePositives;
  return {
    precision: flaggedCount === 0 ? 1 : truePositives / flaggedCount,
    recall: truePositives / (truePositives + falseNegatives),
  };
}
