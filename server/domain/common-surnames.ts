/**
 * The most common Chinese surnames, most frequent first (after the 2020 census ranking of the
 * Ministry of Public Security), for the kiosk's surname grid: a resident taps their surname
 * instead of typing it. `zhHans` is what is stored; `zhHant` is shown to zh-Hant readers where the
 * traditional form differs; `pinyin` is shown to English readers under the character.
 */
export type Surname = { zhHans: string; zhHant: string; pinyin: string }

const RAW = `王 Wang|李 Li|张張 Zhang|刘劉 Liu|陈陳 Chen|杨楊 Yang|黄黃 Huang|赵趙 Zhao|吴吳 Wu|周 Zhou|
徐 Xu|孙孫 Sun|马馬 Ma|朱 Zhu|胡 Hu|郭 Guo|何 He|林 Lin|高 Gao|罗羅 Luo|
郑鄭 Zheng|梁 Liang|谢謝 Xie|宋 Song|唐 Tang|许許 Xu|韩韓 Han|邓鄧 Deng|冯馮 Feng|曹 Cao|
彭 Peng|曾 Zeng|肖 Xiao|田 Tian|董 Dong|潘 Pan|袁 Yuan|蔡 Cai|蒋蔣 Jiang|余 Yu|
于 Yu|杜 Du|叶葉 Ye|程 Cheng|魏 Wei|苏蘇 Su|吕呂 Lü|丁 Ding|任 Ren|卢盧 Lu|
姚 Yao|沈 Shen|钟鍾 Zhong|姜 Jiang|崔 Cui|谭譚 Tan|陆陸 Lu|范 Fan|汪 Wang|廖 Liao|
石 Shi|金 Jin|韦韋 Wei|贾賈 Jia|夏 Xia|付 Fu|方 Fang|邹鄒 Zou|熊 Xiong|白 Bai|
孟 Meng|秦 Qin|邱 Qiu|侯 Hou|江 Jiang|尹 Yin|薛 Xue|闫閆 Yan|段 Duan|雷 Lei|
龙龍 Long|黎 Li|史 Shi|陶 Tao|贺賀 He|毛 Mao|郝 Hao|顾顧 Gu|龚龔 Gong|邵 Shao|
万萬 Wan|覃 Qin|武 Wu|钱錢 Qian|戴 Dai|严嚴 Yan|莫 Mo|孔 Kong|向 Xiang|常 Chang`

export const COMMON_SURNAMES: readonly Surname[] = RAW.split('|')
  .map((s) => s.trim())
  .filter(Boolean)
  .map((entry) => {
    const [chars = '', pinyin = ''] = entry.split(' ')
    const [zhHans = '', zhHant = zhHans] = [...chars]
    return { zhHans, zhHant, pinyin }
  })

/** How many surnames one page of the grid shows; the rest are a tap on "more" away. */
export const SURNAMES_PER_PAGE = 40

/** The honorifics that follow the surname in a stored name: 王先生, 陈女士. */
export const HONORIFICS = ['先生', '女士'] as const
export type Honorific = (typeof HONORIFICS)[number]
