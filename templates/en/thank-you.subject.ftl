<#assign iv = interview!{}>
Thank you for our conversation<#if (iv.date!"")?has_content> on ${iv.date}</#if>
