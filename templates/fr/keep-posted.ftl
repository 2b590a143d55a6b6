<#-- Brouillon « je vous tiens au courant », texte brut (METHOD M7, M5, M1). Les emplacements à compléter sont marqués [[ ... ]]. -->
<#assign u = user!{}>
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign kp = keepPosted!{}>
<#assign number = kp.number!1>
<#assign weeks = kp.weeksSince!0>
<#assign leads = (notes.leads)![]>
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ votre nom ]]"))>
${(letter.greeting)!"Bonjour,"}

<#if number lte 1>
<#if weeks gt 1>Voilà ${weeks} semaines<#elseif weeks == 1>Voilà une semaine<#else>Voilà quelque temps</#if> que nous avons échangé<#if (iv.date!"")?has_content> (c'était le ${iv.date})</#if>, et je voulais vous dire ce qu'a donné l'aide que vous m'avez apportée.
<#else>
Comme promis, voici d'autres nouvelles depuis mon dernier message<#if weeks gt 0>, ${weeks} semaine<#if weeks gt 1>s</#if> après notre échange</#if>.
</#if>

<#list met![]>
Grâce à vous, j'ai rencontré :
<#items as m>
- ${m.name!""}<#if (m.date!"")?has_content> (${m.date})</#if> : [[ une chose apprise grâce à cette rencontre ]]
</#items>
<#else>
[[ les personnes rencontrées depuis grâce à ses suggestions ; supprimez cette ligne s'il n'y en a pas encore ]]
</#list>

Ce que j'ai fait depuis :
<#list leads as l>
- ${l} : [[ ce que vous en avez fait ]]
<#else>
- [[ une démarche faite depuis votre échange ]]
</#list>

Où j'en suis<#if (u.objective!"")?has_content> de mon projet, ${u.objective}</#if> : [[ une ou deux phrases sur vos progrès ]]

Merci encore pour votre aide. Je continuerai à vous donner des nouvelles.

Bien cordialement,
${signature}
