// More ways English-speaking customers ask about each topic (short, slang, abbreviations, typos), and
// more words for it. Merged into the en articles' exampleQuestions and synonyms. Phrases are separated by
// "|" to keep one topic on one line.
export const EN_MORE_ASK: Record<string, string> = {
  'branch-opening-hours':
    'what time do u close|r u open now|open on saturday?|sunday hours|what are your hours|when does the branch shut|are you closed on bank holidays|open at lunch time|what time u open tmrw|business hours|how late are you open|closing time today|are u guys open on sunday|opening hours pls|till what time are you open',
  'card-lost-stolen':
    'lost my card|card missing|someone stole my wallet with my card|i think my card got stolen|how to cancel a lost card|freeze my card now|my debit card is gone|left my card somewhere|card lost abroad|replace a lost card|pickpocket took my card|report card lost',
  'transfer-limits':
    'transfer limit|how much can i send per day|max transfer amount|daily transfer cap|cant send more than|raise my transfer limit|online transfer limit|app says limit exceeded|how much can i transfer at once|increase payment limit|limit on sending money',
  'foreign-exchange':
    'change money|exchange dollars|buy euros|exchange rate today|swap rmb for usd|get some yen|currency exchange|need foreign cash for my trip|sell dollars|fx rate|change pounds to yuan|convert currency|buy foreign currency',
  'update-phone-number':
    'change my phone number|new mobile number|update my number|not getting sms codes|got a new phone number|my old number is gone|change registered mobile|update contact number|cant receive otp new number|switch phone number on account',
  'wealth-steady-income-fund':
    'medium risk product|steady returns investment|something better than savings|r3 product|moderate risk investment|stable income fund|decent return not too risky|balanced income product|mid risk wealth product',
  'atm-card-retained':
    'atm ate my card|machine kept my card|card stuck in atm|atm didnt give my card back|cash machine swallowed card|get my card back from the atm|atm took my card|card retained by machine|atm wont return card|the machine has my card',
  'service-fees':
    'what are the fees|why was i charged|bank charges|annual fee|account fee|fee for withdrawing at other banks|how much does a transfer cost|sms fee|why did money disappear from my account|charges list|can you waive the fee|service charge',
  'open-account':
    'open an account|new bank account|i want a debit card|open savings account|what do i need to open an account|sign up for an account|open account for my kid|get a bank card|start a new account|how long to open an account',
  'close-account':
    'close my account|cancel my account|shut down my account|i dont need this account anymore|close bank card|terminate account|how to close account|end my account',
  'account-statement':
    'bank statement|print my statement|transaction history|need statements for visa|stamped statement|list of transactions|statement for last 6 months|print transactions|account history|proof of transactions',
  'dormant-account':
    'account inactive|havent used my account in years|dormant account|old account not working|reactivate my account|account went to sleep|unused account blocked|wake up old account',
  'time-deposit':
    'fixed deposit rates|term deposit|interest rate for 1 year|put money in fixed deposit|cd rates|early withdrawal of fixed deposit|savings interest|best interest rate|how much interest on 3 years|lock in my money for a year',
  'account-restricted':
    'account frozen|my account is blocked|cant make transactions|account restricted|why is my account locked|unfreeze my account|account on hold|card blocked cant transfer|account suspended',
  'deposit-certificate':
    'proof of funds|bank certificate for visa|deposit certificate|letter showing my balance|proof of deposit for study abroad|financial certificate|bank reference letter',
  'wrong-transfer':
    'sent money to wrong account|wrong transfer|transferred to the wrong person|typed wrong account number|get my money back wrong transfer|mistaken payment|paid the wrong guy|reverse a transfer',
  'international-remittance':
    'send money abroad|international transfer|wire money overseas|swift transfer|send money to my son in uk|overseas remittance|how long does international wire take|fees for sending money abroad|transfer to foreign bank',
  'large-cash-withdrawal':
    'withdraw a large amount|take out 100k cash|big cash withdrawal|need lots of cash|do i need to book to withdraw cash|withdraw 50000|large withdrawal appointment',
  'queue-number':
    'take a number|queue ticket|where do i get a ticket|how long is the wait|how many people ahead of me|missed my number|waiting number|queue is too long|whats my number',
  'self-service-device-problem':
    'atm didnt give cash|machine took money but no cash|atm error|deposit machine ate my money|atm out of order|machine broken|cash not dispensed|atm gave less money|deposit not credited|kiosk not working',
  'foreign-customers':
    'can foreigners open account|im a foreigner|open account with passport|expat banking|foreign national account|do you speak english|services for foreigners|i dont have chinese id',
  'elderly-services':
    'help for elderly|my grandma needs help|senior citizen services|priority for old people|home visit for elderly|my dad cant walk well|old person cant use the app|seniors counter',
  'branch-facilities':
    'where is the toilet|restroom|bathroom please|can i charge my phone|drinking water|wifi|is there parking|wheelchair|somewhere to sit|water dispenser|baby room|wifi password pls',
  'banknote-exchange':
    'exchange damaged notes|torn banknote|change coins to notes|need small change|new notes for new year|burnt money|swap coins|change a big note|damaged cash',
  'card-activation':
    'activate new card|new card not working|got my card in the mail|how to turn on my card|first time using card|card arrived what now|enable new debit card',
  'card-pin-reset':
    'forgot pin|reset pin|pin locked|wrong pin three times|change my pin|cant remember my pin|pin blocked|new pin|unlock card pin',
  'card-spending-limits':
    'atm limit|daily withdrawal limit|card spending limit|how much cash per day|card declined over limit|raise card limit|max withdrawal|pos limit|withdrawal cap',
  'card-replacement':
    'card broken|card expired|chip not working|replace damaged card|card snapped|new card because old expired|card wont swipe|card worn out|replacement card',
  'credit-card-apply':
    'apply credit card|get a credit card|credit card application|credit limit|credit card requirements|student credit card|credit card annual fee|new credit card',
  'personal-loan-info':
    'personal loan|borrow money|loan interest|how much can i borrow|car loan|renovation loan|consumer loan|loan requirements|need a loan',
  'mortgage-info':
    'mortgage|home loan|house loan|mortgage rate|down payment|buy a house loan|pay off mortgage early|how long can the mortgage be',
  'mobile-banking-setup':
    'mobile banking|download the app|set up online banking|register for app|how to use the app|internet banking|banking app|check balance on phone',
  'app-login-problem':
    'cant log in|app login failed|app locked|forgot app password|face id not working|app crashes|new phone cant login|login error|app wont open',
  'update-id-document':
    'id expired|new id card|update my id|passport renewed|id document expired|change id details|my id card changed|update passport info',
  'fraud-scam-warning':
    'is this a scam|someone called asking for my code|got scammed|suspicious sms|fake police call|asked to move money to safe account|fraud call|phishing text|stranger asked me to transfer money|scammer',
  complaints:
    'complaint|i want to complain|bad service|speak to the manager|file a complaint|unhappy with service|staff was rude|feedback|waited too long',
  'wealth-cash-management':
    'low risk product|safe investment|money market fund|r1 product|withdraw anytime investment|better than current account|lowest risk|short term investment|where to park cash',
  'wealth-bond-fund':
    'bond fund|bonds|r2 product|fixed income fund|medium low risk|debt fund|bond investment returns',
  'wealth-balanced-equity-fund':
    'balanced fund|mixed fund|stocks and bonds fund|r4 fund|medium high risk fund|equity fund|fund for long term',
  'wealth-gold-account': 'gold|buy gold|gold savings|gold price|invest in gold|gold bars|gold account',
  'wealth-sector-equity-fund':
    'high risk fund|tech fund|sector fund|r5 product|aggressive investment|stock fund|theme fund|high return high risk',
  'risk-assessment':
    'risk assessment|risk test|risk profile|risk questionnaire|redo risk test|my risk level|risk assessment expired',
};

export const EN_MORE_SYN: Record<string, string> = {
  'branch-opening-hours': 'hours|open|closed|shut|saturday|sunday|weekend|holiday|sat|sun|tmrw|tomorrow',
  'card-lost-stolen': 'lost|stolen|missing|gone',
  'transfer-limits': 'transfer limit|send limit|daily limit',
  'foreign-exchange': 'exchange|currency|dollars|euros|yen|fx',
  'update-phone-number': 'phone number|mobile number|sms',
  'atm-card-retained': 'ate my card|kept my card|swallowed',
  'service-fees': 'fee|fees|charge|charges',
  'open-account': 'open account|new account|acct|savings account',
  'close-account': 'close account|cancel account',
  'account-statement': 'statement|transaction history|acct history',
  'dormant-account': 'dormant|inactive',
  'time-deposit': 'fixed deposit|term deposit|interest',
  'account-restricted': 'frozen|restricted|blocked account',
  'deposit-certificate': 'proof of funds|certificate',
  'wrong-transfer': 'wrong account|wrong transfer',
  'international-remittance': 'abroad|overseas|wire|swift',
  'large-cash-withdrawal': 'large withdrawal|big withdrawal',
  'queue-number': 'queue|ticket|wait',
  'self-service-device-problem': 'atm error|no cash|machine broken',
  'foreign-customers': 'foreigner|passport|expat',
  'elderly-services': 'elderly|senior|old people',
  'branch-facilities': 'toilet|restroom|wifi|parking|water|loo|wc|bathroom',
  'banknote-exchange': 'damaged notes|coins|change',
  'credit-card-apply': 'credit card',
  'personal-loan-info': 'loan|borrow',
  'mortgage-info': 'mortgage|home loan',
  'mobile-banking-setup': 'app|mobile banking|online banking',
  'app-login-problem': 'log in|login',
  'update-id-document': 'id expired|new id',
  'fraud-scam-warning': 'scam|fraud|scammer',
  complaints: 'complain|complaint',
  'wealth-cash-management': 'low risk|money market',
  'wealth-bond-fund': 'bond|bonds',
  'wealth-balanced-equity-fund': 'balanced|mixed fund',
  'wealth-gold-account': 'gold',
  'wealth-sector-equity-fund': 'high risk|sector',
  'risk-assessment': 'risk test|risk assessment',
};
