/**
 * "Czy ten poradnik był pomocny?" in Ukrainian and English: the reasons the form lists and the
 * answers' pages (their addresses and statuses are the Polish ones in guide-feedback.ts).
 */
import { COMMENT_MAX, type FeedbackReason, type FeedbackResultCode } from './guide-feedback';
import type { ResultTexts } from './signup-results';

export const FEEDBACK_REASONS_UK: Record<FeedbackReason, string> = {
  missing_information: 'Бракує потрібної інформації',
  out_of_date: 'Інформація застаріла',
  hard_to_follow: 'Текст важко зрозуміти',
  broken_link: 'Посилання або вкладення не працює',
  other: 'Інша причина',
};

export const FEEDBACK_REASONS_EN: Record<FeedbackReason, string> = {
  missing_information: 'Information I needed is missing',
  out_of_date: 'The information is out of date',
  hard_to_follow: 'The text is hard to follow',
  broken_link: 'A link or attachment does not work',
  other: 'Another reason',
};

const FIX_UK = 'Виправте форму відгуку';
const FIX_EN = 'Please correct the feedback form';

export const FEEDBACK_RESULTS_UK: ResultTexts<FeedbackResultCode> = {
  thanks: { title: 'Дякуємо за оцінку', message: 'Вашу відповідь отримала команда, яка пише порадники. Завдяки таким оцінкам ми знаємо, які тексти варто покращити насамперед.' },
  thanks_details: { title: 'Дякуємо за зауваження', message: 'Ми прочитаємо їх під час найближчого оновлення порадника. Ми не відповідаємо на зауваження особисто — якщо вам потрібна допомога у вашій справі, запишіться на безкоштовну консультацію в Центрі.' },
  already_rated: { title: 'Цей порадник уже оцінено', message: 'З цього браузера вже оцінили цей порадник, а ми рахуємо один голос від однієї людини. Дякуємо!' },
  rate_limited: { title: 'Забагато оцінок одразу', message: 'З цієї адреси за короткий час надіслали забагато оцінок. Зачекайте кілька хвилин і спробуйте ще раз.' },
  unknown_guide: { title: 'Такого порадника немає', message: 'Порадник, який ви хочете оцінити, більше не опублікований. Актуальні порадники є в базі знань.' },
  invalid_guide: { title: FIX_UK, message: 'Невідомо, якого порадника стосується оцінка. Відкрийте порадник і надішліть оцінку звідти.' },
  invalid_answer: { title: FIX_UK, message: 'Виберіть «Так» або «Ні».' },
  invalid_reason: { title: FIX_UK, message: 'Виберіть причини зі списку під запитанням «Що нам варто покращити?».' },
  invalid_comment: { title: FIX_UK, message: `Коментар може мати щонайбільше ${COMMENT_MAX} символів і не може містити керівних символів.` },
  missing_details: { title: FIX_UK, message: 'Позначте принаймні одну причину або напишіть коментар.' },
};

export const FEEDBACK_RESULTS_EN: ResultTexts<FeedbackResultCode> = {
  thanks: { title: 'Thank you for your rating', message: 'Your answer has reached the team that writes the guides. Ratings like yours tell us which texts to improve first.' },
  thanks_details: { title: 'Thank you for your comments', message: 'We will read them when we next update the guide. We do not reply to comments one by one – if you need help with your own matter, book a free advice session at the Centre.' },
  already_rated: { title: 'This guide has already been rated', message: 'This guide has already been rated from this browser, and we count one vote per person. Thank you!' },
  rate_limited: { title: 'Too many ratings at once', message: 'Too many ratings were sent from this address in a short time. Please wait a few minutes and try again.' },
  unknown_guide: { title: 'There is no such guide', message: 'The guide you want to rate is no longer published. You will find the current guides in the knowledge base.' },
  invalid_guide: { title: FIX_EN, message: 'It is not clear which guide the rating is for. Open the guide and send the rating from there.' },
  invalid_answer: { title: FIX_EN, message: 'Choose “Yes” or “No”.' },
  invalid_reason: { title: FIX_EN, message: 'Choose reasons from the list under the question “What can we improve?”.' },
  invalid_comment: { title: FIX_EN, message: `A comment can be at most ${COMMENT_MAX} characters long and cannot contain control characters.` },
  missing_details: { title: FIX_EN, message: 'Tick at least one reason or write a comment.' },
};
