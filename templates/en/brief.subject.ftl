<#assign iv = interview!{}>
<#assign c = contact!{}>
<#assign n = iv.ordinal!0>
<#function ordinal k><#if (k % 100 gte 11) && (k % 100 lte 13)><#return k?c + "th"><#elseif k % 10 == 1><#return k?c + "st"><#elseif k % 10 == 2><#return k?c + "nd"><#elseif k % 10 == 3><#return k?c + "rd"><#else><#return k?c + "th"></#if></#function>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"your contact")>
${cname}<#if (iv.subjectDay!"")?has_content>, ${iv.subjectDay}</#if>: prep for your <#if n gte 1>${ordinal(n)} </#if>information interview
