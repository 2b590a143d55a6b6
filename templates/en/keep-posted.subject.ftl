<#assign kp = keepPosted!{}>
<#if (kp.number!1) lte 1>Some news since our conversation<#else>Keeping you posted: more news on my research</#if>
