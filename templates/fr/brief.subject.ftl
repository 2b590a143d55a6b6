<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if k == 1><#return "1er"><#else><#return k?c + "e"></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
Préparation : <#if n gte 1>votre ${ordinal(n)} entretien d'information</#if><#if n lt 1>entretien d'information</#if>, avec ${cname}<#if (iv.when!"")?has_content> — ${iv.when}</#if>
