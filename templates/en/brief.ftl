<#-- Prep brief, plain text (METHOD M2 to M5). Data is shown, never evaluated. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign r = referrer!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if (k % 100 gte 11) && (k % 100 lte 13)><#return k?c + "th"><#elseif k % 10 == 1><#return k?c + "st"><#elseif k % 10 == 2><#return k?c + "nd"><#elseif k % 10 == 3><#return k?c + "rd"><#else><#return k?c + "th"></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
<#assign org = (c.organization!"")?has_content?then(c.organization, iv.organization!"")>
<#assign rname = (r.name!"")?has_content?then(r.name, r.email!"")>
<#assign minutes = iv.durationMinutes!0>
<#assign defaultQuestions = [
  "How did you come to be doing this work? What was your path?",
  "What does an ordinary week look like for you?",
  "What do you enjoy most in your work?",
  "And what do you enjoy least, or find hardest?",
  "Which skills or qualities make the difference in a role like yours?",
  "How do you see your field changing over the next few years?",
  "Knowing what you know now, what would you do differently if you were starting out?"
]>
INFORMATION INTERVIEW WITH ${cname?upper_case}
${iv.when!((iv.date!"") + " " + (iv.startTime!""))}

This will be your <#if n gte 1>${ordinal(n)} </#if>information interview.<#if (prep.minutes)??> You have ${prep.minutes} minutes set aside to prepare: read this through once, then say the opening lines and the questions out loud.</#if>
<#if (c.senior!false) && n gte 1 && n lte 3>

CAUTION: ${cname}'s title (${c.title!""}) suggests a senior role. While you are still learning the method (it takes most people three or four interviews to feel at ease), you gain more from people a step or two ahead of you than from someone far above the level you are aiming for. If you go ahead, prepare especially well and keep strictly to the time you promised.
</#if>
<#list warnings![]>

PLEASE CHECK
<#items as w>
!! ${w}
</#items>
</#list>

WHEN AND WHERE
${iv.when!((iv.date!"") + " " + (iv.startTime!""))}<#if (iv.endTime!"")?has_content>, until ${iv.endTime}</#if><#if minutes gt 0> (${minutes} min)</#if>
Place: <#if (iv.location!"")?has_content>${iv.location}<#else>not given in the invitation; confirm it with ${cname}</#if>
<#if iv.floating!false>
The invitation gave no time zone, so the time is shown in your own zone. If you are not in the same place, check it with ${cname}.
</#if>
<#if iv.zoneUnknown!false>
The invitation's time zone was not recognised, so the time above may be off. Confirm it with ${cname}.
</#if>
<#if iv.longMeeting!false>
Note: the meeting is booked for ${minutes} minutes, well beyond the twenty you promise. Plan for twenty; stay longer only if ${cname} clearly invites you to.
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
<#if rname?has_content>
Introduced by ${rname}<#if (r.email!"")?has_content && (r.name!"")?has_content> <${r.email}></#if><#if (r.how!"")?has_content> (${r.how})</#if>.
<#else>
Nobody introduced you: you approached ${cname} directly.
</#if>

HOW TO OPEN
Say who you are and why you are here, in a few sentences:
<#if rname?has_content>
"Thank you for making time for me. ${rname} suggested I talk to you.
<#else>
"Thank you for making time for me.
</#if>
I am not here to ask for anything other than information: I am checking a professional goal<#if (u.objective!"")?has_content>, ${u.objective},</#if> and your career is close to the one I would like to build.
As promised, I will keep it to about twenty minutes."
Then let ${cname} do most of the talking.

WHAT YOU ALREADY KNOW
<#list history![]>
Messages exchanged, newest first:
<#items as m>
- ${m.date!""}, <#if (m.direction!"") == "out">you wrote<#elseif (m.direction!"") == "other">${m.fromName!""} wrote<#else>${cname} wrote</#if>: "${m.subject!""}"<#if (m.excerpt!"")?has_content>: ${m.excerpt}</#if>
</#items>
<#else>
No earlier messages with ${cname} in your mailbox.
</#list>
<#list earlier![]>
Your earlier interviews at ${org?has_content?then(org, "the same organisation")}:
<#items as e>
- ${e.date!""} with ${e.contactName!""}<#if (e.organization!"")?has_content> (${e.organization})</#if>
</#items>
</#list>
<#list keywords![]>
Words that stand out in ${cname}'s messages: <#items as k>${k}<#sep>, </#items>.
Using their vocabulary helps the conversation flow.
</#list>

QUESTIONS THAT GET ${cname?upper_case} TALKING
<#list defaultQuestions as q>
${q?counter}. ${q}
</#list>
<#list u.questions![]>
Your own questions:
<#items as q>
- ${q}
</#items>
</#list>

IF YOU ARE ASKED ABOUT YOURSELF
Answer briefly and hand the conversation back: the contact should do the talking.
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
