<#-- Keeping-you-posted draft to the contact, plain text (METHOD M7, M5, M1). Places to fill are marked [[ ... ]]. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign kp = keepPosted!{}>
<#assign number = kp.number!1>
<#assign weeks = kp.weeksSince!0>
<#assign leads = (notes.leads)![]>
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ your name ]]"))>
${(letter.greeting)!"Hello,"}

<#if number lte 1>
<#if weeks gt 1>It has been ${weeks} weeks<#elseif weeks == 1>It has been a week<#else>It has been a little while</#if> since our conversation<#if (iv.date!"")?has_content> on ${iv.date}</#if>, and I wanted to tell you what has come of the help you gave me.
<#else>
As promised, here is some more news since my last message<#if weeks gt 0>, ${weeks} week<#if weeks gt 1>s</#if> after our conversation</#if>.
</#if>

<#list met![]>
Thanks to you, I have met:
<#items as m>
- ${m.name!""}<#if (m.date!"")?has_content> (${m.date})</#if>: [[ one thing you learnt from them ]]
</#items>
<#else>
[[ who you have talked to since, thanks to their suggestions; delete this line if nobody yet ]]
</#list>

Steps I have taken since:
<#list leads as l>
- ${l}: [[ what you did about it ]]
<#else>
- [[ a step you took since our conversation ]]
</#list>

Where I stand now<#if (u.objective!"")?has_content> on my goal, ${u.objective}</#if>: [[ one or two sentences on your progress ]]

Thank you again for your help. I will keep you informed of what comes next.

Best regards,
${signature}
