<#-- Thank-you draft to the contact, plain text (METHOD M7, M1). The sentences come from the user's notes
     (letter.*); places still to fill are marked [[ ... ]] and listed in a first line rebond adds. -->
<#assign u = user!{}>
<#assign ltr = letter!{}>
<#assign written = ltr.written!false>
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ your name ]]"))>
${ltr.greeting!"Hello,"}

Thank you for taking the time to talk with me ${ltr.day!"today"}<#if written>; I learned a great deal.<#else>. [[ one or two sentences on what struck you most in the conversation, said to them ]]</#if>
<#if (ltr.learned![])?has_content>

${ltr.learned?join(" ")}
</#if>
<#if (ltr.leads![])?has_content>

${ltr.leads?join(" ")}
<#elseif !written>

[[ a lead they gave you and what you will do about it; delete this paragraph if there was none ]]
</#if>
<#if (ltr.names![])?has_content>

${ltr.names?join(" ")}
<#elseif !written>

[[ thank them for each name they gave you, and say you will get in touch; delete this paragraph if there were none ]]
</#if>
<#if (ltr.article!"")?has_content>

${ltr.article}
</#if>
<#if (ltr.nextSteps![])?has_content>

${ltr.nextSteps?join(" ")} I will keep you posted.
<#else>

I will keep you posted on how things go.
</#if>

${(ltr.formal!false)?then("Best regards,", "Thanks again,")}
${signature}
