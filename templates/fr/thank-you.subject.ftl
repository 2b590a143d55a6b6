<#assign iv = interview!{}>
Merci pour notre échange<#if (iv.date!"")?has_content> du ${iv.date}</#if>
