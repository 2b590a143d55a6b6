<#-- Brouillon « je vous tiens au courant », texte brut (METHOD M7, M5, M1). Les phrases disent ce qui est nouveau
     depuis le dernier brouillon à cette personne (news.*) : les personnes rencontrées grâce à elle, et à leur tour
     grâce à celles-ci, les démarches, les articles, où en est l'utilisateur. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign kp = keepPosted!{}>
<#assign nw = news!{}>
<#assign number = kp.number!1>
<#assign weeks = kp.weeksSince!0>
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ votre nom ]]"))>
${(letter.greeting)!"Bonjour,"}

<#if number lte 1>
<#if weeks gt 1>Voilà ${weeks} semaines<#elseif weeks == 1>Voilà une semaine<#else>Voilà quelque temps</#if> que nous avons échangé<#if (iv.date!"")?has_content> (c'était le ${iv.date})</#if>, et je voulais vous dire ce qu'a donné l'aide que vous m'avez apportée.
<#else>
Comme promis, voici d'autres nouvelles depuis mon dernier message<#if weeks gt 0>, ${weeks} semaine<#if weeks gt 1>s</#if> après notre échange</#if>.
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

[[ rien de nouveau n'a été noté depuis votre dernier message : dites ce que vous avez fait depuis, ou n'envoyez pas ce brouillon ]]
</#if>
<#if (nw.standing!"")?has_content>

${nw.standing}
</#if>

Merci encore pour votre aide. Je continuerai à vous donner des nouvelles.

${((letter.formal)!false)?then("Bien cordialement,", "Bien à vous,")}
${signature}
