// Invented letters for calibrating repeat detection. All people, places and references are made
// up. The "unrelated" letters deliberately share the topic vocabulary of a complaints mailbox
// (complaint, officer, investigation, decision, Professional Standards) so the threshold is
// tested against the hard case, not against random text.

/** A long demand, as first sent. */
export const DEMAND = `Dear Sir or Madam,

I am writing once again about my complaint CO/01234/24 and the way it has been handled by your Professional Standards Department. I reported in January that PC Example failed to record my statement properly and that the investigating officer never spoke to my neighbour, who saw everything.

Your letter of 3 March says the matter is closed and that no further action will be taken. I do not accept that outcome. The investigation was not thorough, the officer was never interviewed under caution, and the CCTV from the petrol station on Mill Lane was never collected even though I gave you the exact time.

I want the complaint reopened and given to a different investigator. I want a written explanation of why the CCTV was not seized. I also want copies of every note, email and record held about me, and I expect them within fourteen days.

If I do not receive a full response I will contact my MP, the Police and Crime Commissioner and the press. I have been patient for over a year and I will not be fobbed off again.

Yours faithfully,
Paul Example`;

/** The same demand a week later: new greeting, sentences reordered, a few words changed. */
export const DEMAND_REWORDED = `To whoever is dealing with this,

Your letter of 3 March says the matter is closed and that no further action will be taken. I do not accept that outcome. I am writing once again about my complaint CO/01234/24 and the way it has been handled by your Professional Standards Department.

I reported in January that PC Example failed to record my statement properly and that the investigating officer never spoke to my neighbour, who saw everything. The investigation was not thorough, the officer was never interviewed under caution, and the CCTV from the garage on Mill Lane was never collected even though I gave you the exact time.

I want the complaint reopened and handed to a different investigator. I also want copies of every note, email and record held about me, and I expect them within 14 days. I want a written explanation of why the CCTV was not seized.

I have been patient for over a year and I will not be fobbed off again. If I do not receive a full response I will contact my MP, the Police and Crime Commissioner and the newspapers.

Regards,
Paul`;

/** A second long demand from another person, as first sent. */
export const SECOND_DEMAND = `Hello,

This is my fifth email about the arrest on 12 August. Nobody has answered my questions and I am sick of being ignored by your department. I was held in a cell for nine hours without being offered a solicitor, my medication was taken from me, and the custody sergeant laughed when I asked for water.

I have asked three times for the custody record and the body worn video. Each time I am told it is being looked at. That is not good enough. I want the footage preserved and sent to me, I want the names of every officer who was in the custody suite that night, and I want an apology in writing.

I will keep writing every day until I get what I am entitled to. You are supposed to be accountable to the public.

Jane Sample`;

export const SECOND_DEMAND_REWORDED = `Good morning,

I have asked three times for the custody record and the body worn video. Each time I am told it is being looked at, which is not good enough. This is now my sixth email about the arrest on 12 August. Nobody has answered my questions and I am tired of being ignored by your department.

I was held in a cell for nine hours without being offered a solicitor, my medication was taken from me, and the custody sergeant laughed when I asked for water. I want the footage preserved and sent to me, I want the names of every officer who was in the custody suite that night, and I want an apology in writing.

You are supposed to be accountable to the public. I will keep writing every day until I get what I am entitled to.

J. Sample`;

/** Unrelated letters of similar length on the same subject matter. */
export const UNRELATED: readonly string[] = [
  `Dear Professional Standards,

I would like to make a complaint about the way my report of a burglary was handled. On 2 May my garden shed was broken into and two bicycles were stolen. The officer who attended was polite but did not take any fingerprints and told me there was little chance of the bikes being found.

Two weeks later I saw one of the bicycles for sale online and passed the link to the police. I was told the investigation had been closed and that nobody could look at it again. I do not think that decision is right, because the seller gave an address in the same street.

Could you please explain who decided to close the case and whether the information I gave can be passed to an investigator. I am happy to provide the screenshots and the receipt for the bicycle. I have been a victim of crime and I feel let down by the response.

Kind regards,
Alex Sample`,
  `To the complaints team,

I am writing on behalf of my elderly mother, who called the police in June after a man came to her door claiming to be from the water board. She was frightened and the call handler kept her waiting on the line for twenty minutes. When officers finally arrived the next day they did not take a statement from her and said the matter would be recorded as suspicious activity only.

My mother has since received letters from the same company and believes she has been targeted. I would like someone to review how her call was handled, why no statement was taken, and whether her details have been shared with the local neighbourhood team.

I appreciate that officers are busy but my mother is vulnerable and lives alone. I would be grateful for a reply by email, as she does not use the telephone easily.

Yours sincerely,
Chris Example`,
  `Dear Sir,

I have received your letter explaining the outcome of my complaint about the traffic stop on the A59. Thank you for the detailed response. I accept most of what the investigating officer found, but I still have questions about one point.

The letter says the officer's body worn camera was not switched on because of a fault. I would like to know whether that fault was reported at the time and whether the camera has been checked since. I would also like to know whether the officer has received any advice about turning the camera on at the start of a stop.

I understand I can ask the Independent Office for Police Conduct to review the outcome. Before I decide whether to do that, I would appreciate an answer to these two questions. I am not trying to be difficult and I am grateful for the time your department has spent on this.

Regards,
Sam Example`,
  `Hello,

I want to raise a concern about how my son was treated when he was stopped and searched outside the railway station last Friday evening. He is seventeen and was on his way home from college. Two officers searched his bag in front of his friends and told him he matched a description, but they would not say what the description was.

He was not given a record of the search or told how to get one. He came home upset and embarrassed. I would like to know the grounds for the search, whether it was recorded, and how I can get a copy of the record and any footage.

I support the police and I know there have been problems with knife crime near the station, but I think this could have been handled with more care. Please let me know who will be dealing with this and how long it is likely to take.

Thanks,
Morgan Example`,
  `Dear Commissioner's Office,

I am writing to express my disappointment with the response to my complaint reference CO/05678/24 about noise from a licensed premises next to my flat. I reported the disturbances to the police on eleven occasions between March and July. Each time I was told that officers would attend, but on most nights nobody came.

The licensing officer told me that the police had no record of several of my calls. I have the call logs from my phone showing the dates and times. I would like your office to look at why my calls were not recorded and whether the force has a problem with its call handling system.

I am also concerned that the premises has had its licence renewed without any of my complaints being taken into account. I would welcome a meeting to discuss this. I can be available on any weekday afternoon.

Yours faithfully,
Robin Example`,
];

/**
 * The first demand a month on, reworded harder: other greeting and sign-off, paragraphs in
 * another order, a dozen words changed, one sentence added. Still "substantially the same".
 */
export const DEMAND_HEAVILY_REWORDED = `Hi,

I want the complaint reopened and given to a new investigator. I want a written explanation of why the CCTV footage was not seized. I also want copies of every note, email and record you hold about me, and I expect them within fourteen days.

I am writing yet again about my complaint CO/01234/24 and the way it has been handled by your Professional Standards Department. I reported in January that PC Example failed to record my statement correctly and that the investigating officer never spoke to my neighbour, who saw the whole thing.

Your letter of 3 March says the matter is finished and that no further action will be taken. I do not accept that decision. The investigation was not thorough, the officer was never interviewed under caution, and the CCTV from the petrol station on Mill Lane was never collected even though I told you the exact time.

I have been patient for well over a year and I will not be fobbed off again. It is now April and nothing has changed. If I do not receive a full response I will contact my MP, the Police and Crime Commissioner and the press.

P. Example`;
