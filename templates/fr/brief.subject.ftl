<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if k == 1><#return "1er"><#else><#return k?c + "e"></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
${cname}<#if (iv.subjectDay!"")?has_content>, ${iv.subjectDay}</#if> : préparation de votre <#if n gte 1>${ordinal(n)} </#if>entretien d'information
