<#-- Un événement de préparation déjà livré change : l'entretien est déplacé, annulé ou rétabli. -->
<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign u = update!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
<#if u.cancelled!false>Annulé : votre entretien d'information avec ${cname}<#if (u.previousWhen!"")?has_content> — ${u.previousWhen}</#if><#elseif u.moved!true>Déplacé : votre entretien d'information avec ${cname} a lieu ${iv.when!""}<#else>Rétabli : votre entretien d'information avec ${cname} — ${iv.when!""}</#if>
