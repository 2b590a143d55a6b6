<#-- Prep brief, plain text (METHOD M2 to M5). Data is shown, never evaluated. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign r = referrer!{}>
<#assign caution = caution!{}>
<#assign voc = vocabulary!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if (k % 100 gte 11) && (k % 100 lte 13)><#return k?c + "th"><#elseif k % 10 == 1><#return k?c + "st"><#elseif k % 10 == 2><#return k?c + "nd"><#elseif k % 10 == 3><#return k?c + "rd"><#else><#return k?c + "th"></#if></#function>
<#function plural k one many><#if k == 1><#return k?c + "\xA0" + one><#else><#return k?c + "\xA0" + many></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
<#assign first = (c.firstName!"")?has_content?then(c.firstName, cname)>
<#assign org = (c.organization!"")?has_content?then(c.organization, iv.organization!"")>
<#assign rname = (r.name!"")?has_content?then(r.name, r.email!"")>
<#assign minutes = iv.durationMinutes!0>
<#assign when = iv.when!((iv.date!"") + " " + (iv.startTime!""))>
INFORMATION INTERVIEW WITH ${cname?upper_case}
<#if (iv.relative!"")?has_content>${iv.relative?cap_first} (${iv.date!when})<#else>${when}</#if>

<#if n gte 1>This will be your ${ordinal(n)} information interview<#if n gt 1> (${(iv.held!(n - 1))?c} held so far)</#if>.<#else>An information interview.</#if><#if (prep.minutes)??> You have ${plural(prep.minutes, "minute", "minutes")} set aside to prepare: read this through once, then say the opening lines and the questions out loud.</#if>
<#if caution.show!false>

CAUTION: A SENIOR CONTACT, EARLY IN YOUR SEQUENCE
${first}'s title, "${c.title!""}", reads senior, and this is only your ${ordinal(n)} information interview. While you are learning the method (most people feel at ease after three or four), people a step or two ahead of you teach you more than someone far above the level you are aiming for.
<#list caution.namesToSeeFirst![]>
Consider seeing <#items as p>${p}<#if p?has_next><#if p?index == caution.namesToSeeFirst?size - 2> or <#else>, </#if></#if></#items> first, names you were given and have not met yet, and ${first} a little later.
<#else>
Consider meeting first someone who has held the role you are aiming for for a few years, and ${first} a little later.
</#list>
If you keep this date, prepare especially well and keep strictly to the time you promised.
</#if>
<#list warnings![]>

PLEASE CHECK
<#items as w>
!! ${w}
</#items>
</#list>

WHEN AND WHERE
${when}<#if (iv.endTime!"")?has_content> to ${iv.endTime}</#if><#if minutes gt 0> (${plural(minutes, "minute", "minutes")})</#if>
Place: <#if (iv.location!"")?has_content>${iv.location}<#else>not given in the invitation; confirm it with ${first}</#if>
<#if iv.floating!false>
The invitation gave no time zone, so the time is shown in your own zone. If you are not in the same place, check it with ${first}.
</#if>
<#if iv.zoneUnknown!false>
The invitation's time zone was not recognised, so the time above may be off. Confirm it with ${first}.
</#if>
<#if iv.longMeeting!false>
Note: the meeting is booked for ${minutes} minutes, well beyond the twenty you promise. Plan for twenty; stay longer only if ${first} clearly invites you to.
</#if>

WHO YOU ARE MEETING
${cname}<#if (c.email!"")?has_content && (c.name!"")?has_content> <${c.email}></#if>
<#if (c.title!"")?has_content || org?has_content>
${c.title!""}<#if (c.title!"")?has_content && org?has_content>, </#if>${org}
</#if>
<#if (c.phone!"")?has_content>
Phone: ${c.phone}
</#if>
<#if (c.circle!"")?has_content>
Met through: ${c.circle}
</#if>
<#list c.profiles![]>
<#items as p>
On ${p.site!""}: ${p.url!""}
</#items>
</#list>
<#if rname?has_content>
<#if (r.how!"") == "introduced">
${rname} introduced you<#if (r.date!"")?has_content> on ${r.date}</#if><#if (r.line!"")?has_content>: "${r.line}"<#else>.</#if>
<#elseif (r.how!"") == "suggested">
${rname} suggested you contact ${first}<#if (r.date!"")?has_content> when you met on ${r.date}</#if>.<#if !(r.mayMention!true)> ${rname} did not say you may mention them: leave their name out.</#if>
<#else>
The invitation names ${rname} as the person who suggested this meeting.
</#if>
<#else>
Nobody introduced you: you approached ${first} directly.
</#if>
<#list c.research![]>
Look ${first} up before you go (rebond opens none of these links):
<#items as l>
- <#if (l.kind!"") == "site">${org?has_content?then(org + "'s site", "Their organisation's site")}<#elseif (l.kind!"") == "people">People search<#else>Web search</#if>: ${l.url!""}
</#items>
</#list>

HOW TO OPEN
Say who you are and why you are here, in a few sentences:
"Thank you for making time for me.<#if rname?has_content && (r.how!"") == "introduced"> ${rname} put us in touch.<#elseif rname?has_content && (r.mayMention!true)> ${rname} suggested I talk to you.</#if>
I am not here to ask for anything other than information. <#if (u.objectiveSentence!"")?has_content>${u.objectiveSentence} I am checking this goal with people who do the work, and your path is close to the one I would like to follow.<#else>I am checking a professional goal with people who do the work, and your path is close to the one I would like to follow.</#if>
As promised, I will keep it to about twenty minutes."
Then let ${first} do most of the talking.

THEIR VOCABULARY
<#if (voc.terms![])?has_content>
Terms ${first} uses far more than the rest of your mailbox does. Picking them up helps the conversation flow:
<#list voc.terms as t>
- ${t.term!""}<#if (t.context!"")?has_content>: "${t.context}"</#if>
</#list>
<#elseif (history![])?has_content>
${first} has written too little for rebond to pick out their vocabulary. Listen for the terms they use, and note them.
<#else>
No message from ${first} in your mailbox yet. Listen for the terms they use, and note them.
</#if>

WHAT YOU ALREADY KNOW
<#list history![]>
Messages exchanged, newest first:
<#items as m>
- ${m.date!""}, <#if (m.direction!"") == "out">you wrote<#elseif (m.direction!"") == "other">${m.fromName!""} wrote<#else>${first} wrote</#if>: "${m.subject!""}"<#if (m.excerpt!"")?has_content>: ${m.excerpt}</#if>
</#items>
<#else>
No earlier messages with ${first} in your mailbox.
</#list>
<#list earlier![]>
Your earlier interviews at ${org?has_content?then(org, "the same organisation")}:
<#items as e>
- ${e.date!""} with ${e.contactName!""}
</#items>
</#list>

QUESTIONS THAT GET ${first?upper_case} TALKING
<#list u.questions![]>
Your own questions:
<#items as q>
- ${q}
</#items>
</#list>
<#list questions![]>
<#if (u.questions![])?has_content>And from the method:<#else>From the method:</#if>
<#items as q>
${q?counter}. ${q}
</#items>
</#list>

IF YOU ARE ASKED ABOUT YOURSELF
Answer briefly and hand the conversation back: ${first} should do the talking.
<#if (u.pitch!"")?has_content>
Your short pitch: "${u.pitch}"
<#else>
Prepare two or three sentences about who you are and what you are exploring (add a pitch to your configuration to see it here).
</#if>

BEFORE YOU LEAVE: TWO OR THREE NAMES
Aim to leave with two or three people who do the same kind of work in another organisation.
Ask directly: "Could you suggest two or three people doing work like yours elsewhere, whom I could talk to as well?"
Or indirectly: "How would you advise me to take my research further?"
Then go one step at a time:
1. "May I note their names?"
2. "May I get in touch with them?"
3. "May I say that you suggested it?"

Information only, about twenty minutes, and a thank-you the same day. Good luck.
