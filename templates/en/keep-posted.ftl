<#-- Keeping-you-posted draft to the contact, plain text (METHOD M7, M5, M1). The sentences tell what is new
     since the last draft to them (news.*): people met thanks to them and in turn thanks to those, steps,
     articles, where the user stands. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign kp = keepPosted!{}>
<#assign nw = news!{}>
<#assign number = kp.number!1>
<#assign weeks = kp.weeksSince!0>
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ your name ]]"))>
${(letter.greeting)!"Hello,"}

<#if number lte 1>
<#if weeks gt 1>It has been ${weeks} weeks<#elseif weeks == 1>It has been a week<#else>It has been a little while</#if> since our conversation<#if (iv.date!"")?has_content> on ${iv.date}</#if>, and I wanted to tell you what has come of the help you gave me.
<#else>
As promised, here is some more news since my last message<#if weeks gt 0>, ${weeks} week<#if weeks gt 1>s</#if> after our conversation</#if>.
</#if>
<#if (nw.meetings![])?has_content>

${nw.meetings?join(" ")}
</#if>
<#if (nw.steps![])?has_content>

${nw.steps?join(" ")}
</#if>
<#if (nw.articles![])?has_content>

${nw.articles?join("\n")}
</#if>
<#if !(nw.written!false)>

[[ nothing new was recorded since your last message: tell them what you have done since, or do not send this draft ]]
</#if>
<#if (nw.standing!"")?has_content>

${nw.standing}
</#if>

Thank you again for your help. I will keep you informed of what comes next.

${((letter.formal)!false)?then("Best regards,", "All the best,")}
${signature}
